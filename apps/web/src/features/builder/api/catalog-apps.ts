import { queryOptions, useQuery } from '@tanstack/react-query';
import { appListSchema, type TikTokApp } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { catalogKeys, catalogPath, catalogStaleTimes } from './catalog';

/** `GET …/builder/accounts/:advertiserId/apps`: the apps the account can promote. */
export function getApps(
  workspaceId: string,
  advertiserId: string,
  options?: { signal?: AbortSignal },
): Promise<{ granted: boolean; apps: TikTokApp[] }> {
  return api.get(catalogPath(workspaceId, advertiserId, 'apps'), appListSchema, options);
}

export function appsQueryOptions(workspaceId: string, advertiserId: string) {
  return queryOptions({
    queryKey: catalogKeys.list(workspaceId, advertiserId, 'apps'),
    queryFn: ({ signal }) => getApps(workspaceId, advertiserId, { signal }),
    staleTime: catalogStaleTimes.apps,
  });
}

export function useApps(workspaceId: string, advertiserId: string | null, enabled = true) {
  return useQuery({
    ...appsQueryOptions(workspaceId, advertiserId ?? ''),
    enabled: enabled && advertiserId !== null,
  });
}
