import { http } from '../../../api/http';
import type {
  MessageDetailDto,
  MessagePageDto,
  MessagePreferencesDto,
  MessagePreferencesInput,
  MessageStatusFilter,
  UnsubscribeDto,
} from '../message-types';

/** A page of messages: the newest first, optionally one status. */
export interface MessageListQuery {
  status?: MessageStatusFilter;
  limit: number;
}

export const messagesApi = {
  outbox: (query: MessageListQuery) => http.get<MessagePageDto>('/api/messages', { ...query }),
  familyMessages: (familyId: string, query: MessageListQuery) => http.get<MessagePageDto>(`/api/families/${familyId}/messages`, { ...query }),
  message: (messageId: string) => http.get<MessageDetailDto>(`/api/messages/${messageId}`),
  sendAgain: (messageId: string) => http.post<MessageDetailDto>(`/api/messages/${messageId}/send-again`),
  guardianChoices: (guardianId: string) => http.get<MessagePreferencesDto>(`/api/guardians/${guardianId}/message-preferences`),
  setGuardianChoices: (guardianId: string, input: MessagePreferencesInput) =>
    http.put<MessagePreferencesDto>(`/api/guardians/${guardianId}/message-preferences`, input),
  organizationSettings: () => http.get<MessagePreferencesDto>('/api/organization/message-settings'),
  setOrganizationSettings: (input: MessagePreferencesInput) => http.put<MessagePreferencesDto>('/api/organization/message-settings', input),
  describeUnsubscribe: (messageId: string) => http.get<UnsubscribeDto>(`/api/unsubscribe/${messageId}`),
  unsubscribe: (messageId: string) => http.post<UnsubscribeDto>(`/api/unsubscribe/${messageId}`),
};
