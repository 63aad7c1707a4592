import { queryOptions, useQuery } from '@tanstack/react-query';
import { tiktokAuditResponseSchema, type TikTokAuditResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/workspaces/:workspaceId/tiktok/audit`: who connected, changed or lost TikTok access, newest first. */
export function getTikTokAudit(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<TikTokAuditResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/tiktok/audit`,
    tiktokAuditResponseSchema,
    options,
  );
}

export function tiktokAuditQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.tiktokAudit(workspaceId),
    queryFn: ({ signal }) => getTikTokAudit(workspaceId, { signal }),
  });
}

export function useTikTokAudit(workspaceId: string) {
  return useQuery(tiktokAuditQueryOptions(workspaceId));
}
