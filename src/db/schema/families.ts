import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { authUsers } from './auth.js';
import { tenantColumns } from './columns.js';

/** The billing account; guardians are its contacts, clients attend. */
export const families = pgTable(
  'families',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    check('families_name_not_blank', sql`length(trim(${t.name})) > 0`),
  ],
);

export const guardians = pgTable(
  'guardians',
  {
    ...tenantColumns(),
    familyId: uuid('family_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** The kinds of email this guardian turned off (DESIGN.md "Notifications"). */
    mutedMessageKinds: text('muted_message_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** The guardian's family-portal login (DESIGN.md "The family portal"); null until invited. */
    userId: text('user_id').references(() => authUsers.id),
    /** When staff last invited this guardian to the portal. */
    portalInvitedAt: timestamp('portal_invited_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    // One login is one guardian: the portal resolves a signed-in user to exactly one family.
    uniqueIndex('guardians_user_unique').on(t.userId).where(sql`${t.userId} is not null`),
    index('guardians_family_idx').on(t.organizationId, t.familyId),
    check('guardians_name_not_blank', sql`length(trim(${t.name})) > 0`),
    check('guardians_muted_message_kinds', sql`${t.mutedMessageKinds} <@ array['schedule', 'billing', 'reminders']::text[]`),
  ],
);

export const clients = pgTable(
  'clients',
  {
    ...tenantColumns(),
    familyId: uuid('family_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({ columns: [t.organizationId, t.familyId], foreignColumns: [families.organizationId, families.id] }),
    index('clients_family_idx').on(t.organizationId, t.familyId),
    index('clients_name_idx').on(t.organizationId, t.lastName, t.firstName),
    check('clients_name_not_blank', sql`length(trim(${t.firstName})) > 0 and length(trim(${t.lastName})) > 0`),
  ],
);
