import { http } from '../../../api/http';
import type { SearchResultDto } from '../../../../contracts/families';

/** Clients, guardians (by name, phone or email) and families matching the words typed. */
export function searchPeople(q: string, signal?: AbortSignal) {
  return http.get<SearchResultDto>('/api/search', { q }, signal);
}
