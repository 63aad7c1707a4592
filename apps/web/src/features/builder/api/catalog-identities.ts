import { queryOptions, useQuery } from '@tanstack/react-query';
import { identityListSchema, type Identity } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { catalogKeys, catalogPath, catalogStaleTimes } from './catalog';

/** `GET …/builder/accounts/:advertiserId/identities`: who an ad of the account can be shown as. */
export function getIdentities(
  workspaceId: string,
  advertiserId: string,
  options?: { signal?: AbortSignal },
): Promise<{ identities: Identity[] }> {
  return api.get(catalogPath(workspaceId, advertiserId, 'identities'), identityListSchema, options);
}

export function identitiesQueryOptions(workspaceId: string, advertiserId: string) {
  return queryOptions({
    queryKey: catalogKeys.list(workspaceId, advertiserId, 'identities'),
    queryFn: ({ signal }) => getIdentities(workspaceId, advertiserId, { signal }),
    staleTime: catalogStaleTimes.identities,
  });
}

export function useIdentities(workspaceId: string, advertiserId: string | null) {
  return useQuery({
    ...identitiesQueryOptions(workspaceId, advertiserId ?? ''),
    enabled: advertiserId !== null,
  });
}
