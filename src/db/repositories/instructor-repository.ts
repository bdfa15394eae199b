import { instructors } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const instructorRepository = tenantTable(instructors, { orderBy: [instructors.name], nameColumn: instructors.name });
