import { clientRepository } from '../../../db/repositories/client-repository.js';
import { familyRepository } from '../../../db/repositories/family-repository.js';
import { guardianRepository } from '../../../db/repositories/guardian-repository.js';
import { instructorRepository } from '../../../db/repositories/instructor-repository.js';
import { locationRepository } from '../../../db/repositories/location-repository.js';
import { serviceRepository } from '../../../db/repositories/service-repository.js';
import { clientDto, familyDto, guardianDto } from '../../../contracts/families.js';
import { instructorDto } from '../../../contracts/instructors.js';
import { locationDto } from '../../../contracts/locations.js';
import { serviceDto } from '../../../contracts/services.js';
import { resourceService } from './resource-service.js';

// The DTO schema is the whitelist: parsing a row keeps exactly the fields the API shows.
export const locationService = resourceService({ noun: 'location', repository: locationRepository, toDto: (row) => locationDto.parse(row) });
export const instructorService = resourceService({ noun: 'instructor', repository: instructorRepository, toDto: (row) => instructorDto.parse(row) });
export const serviceService = resourceService({ noun: 'service', repository: serviceRepository, toDto: (row) => serviceDto.parse(row) });
export const familyService = resourceService({ noun: 'family', repository: familyRepository, toDto: (row) => familyDto.parse(row) });

const familyReference = [{ field: 'familyId', noun: 'family', repository: familyRepository }];

export const guardianService = resourceService({
  noun: 'guardian',
  repository: guardianRepository,
  toDto: (row) => guardianDto.parse(row),
  references: familyReference,
});
export const clientService = resourceService({
  noun: 'client',
  repository: clientRepository,
  toDto: (row) => clientDto.parse(row),
  references: familyReference,
});
