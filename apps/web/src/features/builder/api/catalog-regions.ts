import { queryOptions, useQuery } from '@tanstack/react-query';
import { regionListSchema, type Region } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { catalogKeys, catalogPath, catalogStaleTimes } from './catalog';

/** `GET …/builder/accounts/:advertiserId/regions?q=`: TikTok's locations whose name matches. */
export function getRegions(
  workspaceId: string,
  advertiserId: string,
  search: string,
  options?: { signal?: AbortSignal },
): Promise<{ regions: Region[] }> {
  const query = search === '' ? '' : `?${new URLSearchParams({ q: search })}`;
  return api.get(`${catalogPath(workspaceId, advertiserId, 'regions')}${query}`, regionListSchema, options);
}

export function regionsQueryOptions(workspaceId: string, advertiserId: string, search: string) {
  return queryOptions({
    queryKey: catalogKeys.list(workspaceId, advertiserId, 'regions', { q: search }),
    queryFn: ({ signal }) => getRegions(workspaceId, advertiserId, search, { signal }),
    staleTime: catalogStaleTimes.regions,
    // The matches so far stay while the next word's load: the list does not blink empty.
    placeholderData: (previous) => previous,
  });
}

/** Locations matching what was typed; nothing is asked before a letter is. */
export function useRegions(workspaceId: string, advertiserId: string | null, search: string) {
  return useQuery({
    ...regionsQueryOptions(workspaceId, advertiserId ?? '', search),
    enabled: advertiserId !== null && search !== '',
  });
}
