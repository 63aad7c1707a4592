import type { QueryClient } from '@tanstack/react-query';
import type { CampaignRow } from '@whathead/contracts';
import { queryKeys } from '../../../lib/query-keys';
import { refreshCampaignRows, type CampaignPages } from './get-campaigns';

/** A row's identity across ad accounts: TikTok ids are unique per account, not per workspace. */
export const rowKey = (row: { advertiserId: string; id: string }) => `${row.advertiserId}:${row.id}`;

/**
 * Puts these rows in place of their older copies in every loaded view of the table, so an action
 * shows at once wherever the row is: the table reads the query cache, never a copy of its own.
 * An action's rows come without metrics (they have no range): each view keeps the figures of its
 * own range, which a rename or a status change does not alter.
 */
export function putCampaignRows(
  queryClient: QueryClient,
  workspaceId: string,
  rows: readonly CampaignRow[],
): void {
  if (rows.length === 0) return;
  const replacements = new Map(rows.map((row) => [`${row.level}:${rowKey(row)}`, row]));
  queryClient.setQueriesData<CampaignPages>({ queryKey: queryKeys.campaignRows(workspaceId) }, (data) => {
    if (!data) return data;
    let isChanged = false;
    const pages = data.pages.map((page) => {
      if (!page.rows.some((row) => replacements.has(`${row.level}:${rowKey(row)}`))) return page;
      isChanged = true;
      return {
        ...page,
        rows: page.rows.map((row) => {
          const replacement = replacements.get(`${row.level}:${rowKey(row)}`);
          return replacement ? { ...replacement, metrics: replacement.metrics ?? row.metrics } : row;
        }),
      };
    });
    return isChanged ? { ...data, pages } : data;
  });
}

/** Holds off table reads under way, so an older answer can't overwrite what an action shows. */
export function holdCampaignRows(queryClient: QueryClient, workspaceId: string): Promise<void> {
  return queryClient.cancelQueries({ queryKey: queryKeys.campaignRows(workspaceId) });
}

/**
 * After a change at TikTok: reads the views again (a campaign turned off changes what its ad
 * groups and ads say; a row may no longer match the filters), the sync state (the server queues a
 * sync for that, which the page then follows) and the rows' histories.
 */
export function refreshAfterChange(queryClient: QueryClient, workspaceId: string): void {
  void refreshCampaignRows(queryClient, workspaceId);
  void queryClient.invalidateQueries({ queryKey: queryKeys.campaignSync(workspaceId) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.campaignChangeLists(workspaceId) });
}
