import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { messagesApi, type MessageListQuery } from '../api/messages-api';
import type { MessagePreferencesInput } from '../message-types';

const keys = {
  outbox: (query: MessageListQuery) => ['messages', 'outbox', query] as const,
  family: (familyId: string, query: MessageListQuery) => ['messages', 'family', familyId, query] as const,
  message: (messageId: string) => ['messages', 'one', messageId] as const,
  guardianChoices: (guardianId: string) => ['message-choices', 'guardian', guardianId] as const,
  organizationSettings: () => ['message-choices', 'organization'] as const,
};

/** Messages still waiting change by themselves (the sender works in the background): look again every few seconds. */
const refetchWhileWaiting = (data: { items: { status: string }[] } | undefined) =>
  data?.items.some((m) => m.status === 'pending' || m.status === 'sending') ? 5_000 : false;

export function useOutbox(query: MessageListQuery) {
  return useQuery({
    queryKey: keys.outbox(query),
    queryFn: () => messagesApi.outbox(query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => refetchWhileWaiting(q.state.data),
  });
}

export function useFamilyMessages(familyId: string, query: MessageListQuery) {
  return useQuery({
    queryKey: keys.family(familyId, query),
    queryFn: () => messagesApi.familyMessages(familyId, query),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => refetchWhileWaiting(q.state.data),
  });
}

export function useMessage(messageId: string | null) {
  return useQuery({ queryKey: keys.message(messageId ?? ''), queryFn: () => messagesApi.message(messageId!), enabled: messageId !== null });
}

export function useSendAgain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: messagesApi.sendAgain,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['messages'] }),
  });
}

export function useGuardianChoices(guardianId: string) {
  return useQuery({ queryKey: keys.guardianChoices(guardianId), queryFn: () => messagesApi.guardianChoices(guardianId) });
}

export function useSetGuardianChoices(guardianId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MessagePreferencesInput) => messagesApi.setGuardianChoices(guardianId, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.guardianChoices(guardianId), saved);
      return queryClient.invalidateQueries({ queryKey: ['messages'] });
    },
  });
}

export function useOrganizationMessageSettings() {
  return useQuery({ queryKey: keys.organizationSettings(), queryFn: messagesApi.organizationSettings });
}

export function useSetOrganizationMessageSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: messagesApi.setOrganizationSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.organizationSettings(), saved);
      return queryClient.invalidateQueries({ queryKey: ['messages'] });
    },
  });
}
