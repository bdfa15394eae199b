import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/**
 * A checkout's preview (a transfer's or an enrollment's): the server is asked what the choices
 * so far would do, again whenever they change (never cached: seats and prices change).
 * `lastGood` keeps the last answer through a refusal, so the checkout stays on screen and the
 * discount that caused it can be removed.
 */
export function useLivePreview<Request, Answer>(name: string, request: Request | null, ask: (request: Request) => Promise<Answer>) {
  const query = useQuery({
    queryKey: [name, request],
    queryFn: () => ask(request!),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 0,
  });
  const [lastGood, setLastGood] = useState<Answer | undefined>(undefined);
  useEffect(() => {
    if (query.data && !query.isPlaceholderData) setLastGood(query.data);
  }, [query.data, query.isPlaceholderData]);
  return {
    data: query.isPlaceholderData ? undefined : query.data,
    lastGood: query.data ?? lastGood,
    error: query.error,
    /** True while the shown numbers are not yet the answer to the current request. */
    updating: query.isFetching || query.isPlaceholderData,
  };
}
