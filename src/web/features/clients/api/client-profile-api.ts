import { http } from '../../../api/http';
import type { ClientProfileDto } from '../../../api/types';

export function fetchClientProfile(clientId: string) {
  return http.get<ClientProfileDto>(`/api/clients/${clientId}/profile`);
}
