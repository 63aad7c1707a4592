import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  campaignActionResultSchema,
  type CampaignActionResult,
  type CampaignRow,
  type EditCampaignEntityInput,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { holdCampaignRows, putCampaignRows, refreshAfterChange } from './campaign-row-cache';

/** Rename, Edit budget, Edit bid: what changes; amounts in the row's currency. */
export interface EntityChange {
  name?: string;
  budget?: number;
  bid?: number;
}

/** Marks the edits under way, so a cell can say it is saving (see useMutationState). */
export const editMutationKey = ['campaigns', 'edit'] as const;

/** `PATCH /api/workspaces/:workspaceId/campaigns/:level/:advertiserId/:id`: one campaign or ad group. */
export function editCampaignEntity(
  workspaceId: string,
  target: Pick<CampaignRow, 'level' | 'advertiserId' | 'id'>,
  input: EditCampaignEntityInput,
): Promise<CampaignActionResult> {
  const path = [workspaceId, 'campaigns', target.level, target.advertiserId, target.id]
    .map(encodeURIComponent)
    .join('/');
  return api.patch(`/workspaces/${path}`, input, campaignActionResultSchema);
}

export interface EntityEdit {
  /**
   * The row as the table showed it: its values of the fields changed are sent as what the user
   * saw, so a change made at TikTok since this tab read it is a conflict, not overwritten; and a
   * refusal puts it back.
   */
  row: CampaignRow;
  change: EntityChange;
}

/** Optimistic, as status changes are: the new value shows at once, and goes back if not saved. */
export function useEditCampaignEntity(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: editMutationKey,
    mutationFn: ({ row, change }: EntityEdit) =>
      editCampaignEntity(workspaceId, row, { ...change, seen: seenOf(row, change) }),
    onMutate: async ({ row, change }) => {
      await holdCampaignRows(queryClient, workspaceId);
      putCampaignRows(queryClient, workspaceId, [
        {
          ...row,
          name: change.name ?? row.name,
          budget: change.budget === undefined ? row.budget : change.budget.toFixed(2),
          bid: change.bid === undefined ? row.bid : change.bid.toFixed(2),
        },
      ]);
    },
    onSuccess: (result, { row }) =>
      putCampaignRows(queryClient, workspaceId, [
        result.outcome === 'changed' && result.row ? result.row : row,
      ]),
    onError: (_error, { row }) => putCampaignRows(queryClient, workspaceId, [row]),
    onSettled: () => refreshAfterChange(queryClient, workspaceId),
  });
}

/** The values the row showed of the fields the change is about. */
function seenOf(row: CampaignRow, change: EntityChange): EditCampaignEntityInput['seen'] {
  return {
    ...(change.name !== undefined && { name: row.name }),
    ...(change.budget !== undefined && { budget: row.budget }),
    ...(change.bid !== undefined && { bid: row.bid }),
  };
}
