import { families } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const familyRepository = tenantTable(families, { orderBy: [families.name], searchColumns: [families.name] });
