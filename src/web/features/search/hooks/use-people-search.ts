import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchPeople } from '../api/search-api';

/**
 * Clients, guardians and families for the words typed, asked once typing pauses and only from 2
 * letters or digits (the header search and the enroll dialog's first step). `found` is undefined
 * until there is something to search for; the last answer stays while the next one comes.
 */
export function usePeopleSearch(words: string) {
  const [debounced] = useDebouncedValue(words.trim(), 200);
  const results = useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) => searchPeople(debounced, signal),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return { results, found: debounced.length >= 2 ? results.data : undefined };
}
