import { queryOptions, useQuery } from '@tanstack/react-query';
import { pixelListSchema, type Pixel } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { catalogKeys, catalogPath, catalogStaleTimes } from './catalog';

/** `GET …/builder/accounts/:advertiserId/pixels`: the account's pixels and the events each can optimise for. */
export function getPixels(
  workspaceId: string,
  advertiserId: string,
  options?: { signal?: AbortSignal },
): Promise<{ granted: boolean; pixels: Pixel[] }> {
  return api.get(catalogPath(workspaceId, advertiserId, 'pixels'), pixelListSchema, options);
}

export function pixelsQueryOptions(workspaceId: string, advertiserId: string) {
  return queryOptions({
    queryKey: catalogKeys.list(workspaceId, advertiserId, 'pixels'),
    queryFn: ({ signal }) => getPixels(workspaceId, advertiserId, { signal }),
    staleTime: catalogStaleTimes.pixels,
  });
}

export function usePixels(workspaceId: string, advertiserId: string | null, enabled = true) {
  return useQuery({
    ...pixelsQueryOptions(workspaceId, advertiserId ?? ''),
    enabled: enabled && advertiserId !== null,
  });
}
