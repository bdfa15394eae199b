import { locations } from '../schema/index.js';
import { tenantTable } from './tenant-table.js';

export const locationRepository = tenantTable(locations, { orderBy: [locations.name] });
