import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './organizations.js';

/** Columns every tenant table starts with: organization first, so keys lead with it. */
export const tenantColumns = () => ({
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  id: uuid('id').notNull().defaultRandom(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
