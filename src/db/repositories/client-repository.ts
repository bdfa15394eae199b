import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { clients } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type ClientRow = typeof clients.$inferSelect;

const clientRows = tenantTable(clients, {
  orderBy: [clients.lastName, clients.firstName],
  filterColumns: { familyId: clients.familyId },
  // The whole name, as the search index has it (migration 0007).
  searchColumns: [sql`${clients.firstName} || ' ' || ${clients.lastName}`],
});

export const clientRepository = {
  ...clientRows,

  /** The children of several families, by name. */
  listForFamilies(db: Database, organizationId: string, familyIds: readonly string[]) {
    return clientRows.listWhereIn(db, organizationId, clients.familyId, familyIds, [clients.lastName, clients.firstName, clients.id]);
  },
};
