import { clients } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export type ClientRow = typeof clients.$inferSelect;

export const clientRepository = tenantTable(clients, {
  orderBy: [clients.lastName, clients.firstName],
  filterColumns: { familyId: clients.familyId },
  searchColumns: [clients.firstName, clients.lastName],
});
