import { queryOptions, useQuery } from '@tanstack/react-query';
import { audienceListSchema, type AudienceList } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { catalogKeys, catalogPath, catalogStaleTimes } from './catalog';

/**
 * `GET …/builder/accounts/:advertiserId/audiences`: the account's custom audiences, or
 * `granted: false` when the connection was made without Audience Management.
 */
export function getAudiences(
  workspaceId: string,
  advertiserId: string,
  options?: { signal?: AbortSignal },
): Promise<AudienceList> {
  return api.get(catalogPath(workspaceId, advertiserId, 'audiences'), audienceListSchema, options);
}

export function audiencesQueryOptions(workspaceId: string, advertiserId: string) {
  return queryOptions({
    queryKey: catalogKeys.list(workspaceId, advertiserId, 'audiences'),
    queryFn: ({ signal }) => getAudiences(workspaceId, advertiserId, { signal }),
    staleTime: catalogStaleTimes.audiences,
  });
}

export function useAudiences(workspaceId: string, advertiserId: string | null) {
  return useQuery({
    ...audiencesQueryOptions(workspaceId, advertiserId ?? ''),
    enabled: advertiserId !== null,
  });
}
