import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { campaignTableResponseSchema, type CampaignRow } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { draftQueryKeys } from './draft-query-keys';

/** Enough to find a campaign by scrolling; a search narrows the rest. */
export const existingCampaignsShown = 100;

/**
 * `GET /api/workspaces/:workspaceId/campaigns?level=campaign`: the Campaigns table's API, read for
 * one account's campaigns (not deleted, latest change first) to choose from in Select existing.
 */
export async function getExistingCampaigns(
  workspaceId: string,
  advertiserId: string,
  search: string,
  options?: { signal?: AbortSignal },
): Promise<{ campaigns: CampaignRow[]; more: boolean }> {
  const params = new URLSearchParams({
    level: 'campaign',
    accounts: advertiserId,
    limit: String(existingCampaignsShown),
  });
  if (search) params.set('q', search);
  const answer = await api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/campaigns?${params}`,
    campaignTableResponseSchema,
    options,
  );
  return { campaigns: answer.rows, more: answer.nextCursor !== null };
}

export function useExistingCampaigns(workspaceId: string, advertiserId: string, search: string) {
  return useQuery({
    queryKey: draftQueryKeys.existingCampaigns(workspaceId, advertiserId, search),
    queryFn: ({ signal }) => getExistingCampaigns(workspaceId, advertiserId, search, { signal }),
    enabled: advertiserId !== '',
    placeholderData: keepPreviousData,
  });
}
