import { useQuery } from '@tanstack/react-query';
import {
  campaignChangesResponseSchema,
  type CampaignChangesResponse,
  type CampaignRow,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

type ChangesTarget = Pick<CampaignRow, 'level' | 'advertiserId' | 'id'>;

/** `GET /api/workspaces/:workspaceId/campaigns/:level/:advertiserId/:id/changes`: newest first. */
export function getCampaignChanges(
  workspaceId: string,
  target: ChangesTarget,
  options?: { signal?: AbortSignal },
): Promise<CampaignChangesResponse> {
  const path = [workspaceId, 'campaigns', target.level, target.advertiserId, target.id]
    .map(encodeURIComponent)
    .join('/');
  return api.get(`/workspaces/${path}/changes`, campaignChangesResponseSchema, options);
}

/** The changes Whathead made to one row: who, when, before → after, TikTok's request id. */
export function useCampaignChanges(workspaceId: string, target: ChangesTarget) {
  return useQuery({
    queryKey: queryKeys.campaignChanges(workspaceId, target.level, target.advertiserId, target.id),
    queryFn: ({ signal }) => getCampaignChanges(workspaceId, target, { signal }),
    // Opened to check what just happened: always asked afresh.
    staleTime: 0,
  });
}
