import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Query } from '../../../api/http';
import type { ResourceApi } from '../api/catalog-api';

export function useResourceList<T, Input>(api: ResourceApi<T, Input>, query: Query = {}, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [api.name, 'list', query],
    queryFn: () => api.list(query),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}

export function useResource<T, Input>(api: ResourceApi<T, Input>, id: string | undefined) {
  return useQuery({ queryKey: [api.name, id], queryFn: () => api.get(id!), enabled: Boolean(id) });
}

/** Create when no id is given, change otherwise; lists and the record are refreshed after. */
export function useSaveResource<T, Input>(api: ResourceApi<T, Input>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: Input }) => (id ? api.update(id, input) : api.create(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [api.name] }),
  });
}
