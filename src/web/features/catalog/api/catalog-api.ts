import { http, type Query } from '../../../api/http';
import type {
  ClientDto,
  ClientInput,
  FamilyDto,
  FamilyInput,
  GuardianDto,
  GuardianInput,
  InstructorDto,
  InstructorInput,
  LocationDto,
  LocationInput,
  Page,
  ServiceDto,
  ServiceInput,
  SessionDto,
  SessionInput,
} from '../../../api/types';

/** The largest page the API gives; catalogs of one business (locations, services…) fit in one. */
export const FULL_PAGE = 200;

export interface ResourceApi<T, Input> {
  name: string;
  list: (query?: Query) => Promise<Page<T>>;
  get: (id: string) => Promise<T>;
  create: (input: Input) => Promise<T>;
  update: (id: string, input: Partial<Input>) => Promise<T>;
}

/** The create/read/update/list routes every catalog resource has (see docs/decisions/002). */
function resourceApi<T, Input>(name: string): ResourceApi<T, Input> {
  return {
    name,
    list: (query) => http.get<Page<T>>(`/api/${name}`, { limit: FULL_PAGE, ...query }),
    get: (id) => http.get<T>(`/api/${name}/${id}`),
    create: (input) => http.post<T>(`/api/${name}`, input),
    update: (id, input) => http.patch<T>(`/api/${name}/${id}`, input),
  };
}

export const locationsApi = resourceApi<LocationDto, LocationInput>('locations');
export const instructorsApi = resourceApi<InstructorDto, InstructorInput>('instructors');
export const servicesApi = resourceApi<ServiceDto, ServiceInput>('services');
export const sessionsApi = resourceApi<SessionDto, SessionInput>('sessions');
export const familiesApi = resourceApi<FamilyDto, FamilyInput>('families');
export const guardiansApi = resourceApi<GuardianDto, GuardianInput>('guardians');
export const clientsApi = resourceApi<ClientDto, ClientInput>('clients');
