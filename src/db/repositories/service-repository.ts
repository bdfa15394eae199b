import { services } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const serviceRepository = tenantTable(services, { orderBy: [services.name] });
