import { clients } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const clientRepository = tenantTable(clients, { orderBy: [clients.lastName, clients.firstName] });
