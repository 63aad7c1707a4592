import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  campaignActionResponseSchema,
  campaignTargetSchema,
  type CampaignActionResponse,
  type CampaignActionResult,
  type CampaignRow,
  type ChangeCampaignStatusInput,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { holdCampaignRows, putCampaignRows, refreshAfterChange, rowKey } from './campaign-row-cache';

export type CampaignOperation = ChangeCampaignStatusInput['operation'];
type CampaignTarget = ChangeCampaignStatusInput['targets'][number];

/** `POST /api/workspaces/:workspaceId/campaigns/status`: Turn on, Turn off or Delete rows of one level. */
export function changeCampaignStatus(
  workspaceId: string,
  input: ChangeCampaignStatusInput,
): Promise<CampaignActionResponse> {
  return api.post(
    `/workspaces/${encodeURIComponent(workspaceId)}/campaigns/status`,
    input,
    campaignActionResponseSchema,
  );
}

export interface StatusChange {
  operation: CampaignOperation;
  /**
   * The rows as the table showed them: their status is sent as what the user saw, so a change made
   * at TikTok since this tab read it is a conflict, not overwritten; and a refusal puts them back.
   */
  rows: readonly CampaignRow[];
}

/** The contract's most rows a request (changeCampaignStatusInputSchema). */
const targetsPerRequest = 500;

/** What a row shows while TikTok is asked. */
const pendingDelivery: Record<CampaignOperation, CampaignRow['delivery']> = {
  ENABLE: { state: 'active', label: 'Turning on…', reason: null },
  DISABLE: { state: 'paused', label: 'Turning off…', reason: null },
  DELETE: { state: 'deleted', label: 'Deleting…', reason: null },
};

/**
 * Optimistic: the rows show their new state at once. A row TikTok changed takes the server's
 * fresh copy; any other (refused, skipped, changed at TikTok meanwhile) gets its old state back.
 */
export function useChangeCampaignStatus(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ operation, rows }: StatusChange) => {
      // Every loaded row can be ticked, the contract takes 500 a request: larger selections go in parts.
      const results: CampaignActionResult[] = [];
      for (let start = 0; start < rows.length; start += targetsPerRequest) {
        const part = await changeCampaignStatus(workspaceId, {
          level: rows[0]?.level ?? 'campaign',
          operation,
          targets: rows.slice(start, start + targetsPerRequest).map(targetOf),
        });
        results.push(...part.results);
      }
      return { results };
    },
    onMutate: async ({ operation, rows }) => {
      await holdCampaignRows(queryClient, workspaceId);
      putCampaignRows(
        queryClient,
        workspaceId,
        rows.map((row) => ({ ...row, operationStatus: operation, delivery: pendingDelivery[operation] })),
      );
    },
    onSuccess: ({ results }, { rows }) => putCampaignRows(queryClient, workspaceId, rowsAfter(results, rows)),
    onError: (_error, { rows }) => putCampaignRows(queryClient, workspaceId, rows),
    onSettled: () => refreshAfterChange(queryClient, workspaceId),
  });
}

/** The row, and the status it showed; a status the contract doesn't know is left out. */
function targetOf({ advertiserId, id, operationStatus }: CampaignRow): CampaignTarget {
  const seen = campaignTargetSchema.shape.seen.safeParse({ operationStatus });
  return seen.success && seen.data ? { advertiserId, id, seen: seen.data } : { advertiserId, id };
}

function rowsAfter(results: readonly CampaignActionResult[], before: readonly CampaignRow[]): CampaignRow[] {
  const outcomes = new Map(results.map((result) => [rowKey(result), result]));
  return before.map((row) => {
    const result = outcomes.get(rowKey(row));
    return result?.outcome === 'changed' && result.row ? result.row : row;
  });
}
