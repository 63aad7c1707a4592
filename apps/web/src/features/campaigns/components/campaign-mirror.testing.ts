import type { CampaignActionResult, CampaignRow } from '@whathead/contracts';
import { workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, type MockHandler } from '../../../testing/mock-api';
import type { CampaignStatusFilter } from './campaign-words';
import { statusFilterShows } from './use-campaign-view';

// Test support for the table's actions: a mirror the table reads and the actions change, as the
// server's does, so a table read again after an action shows what the action did.

const workspace = `/api/workspaces/${workspaceIds.acme}/campaigns`;
export const statusRoute = `POST ${workspace}/status`;
export const entityRoute = (row: CampaignRow) =>
  `PATCH ${workspace}/${row.level}/${row.advertiserId}/${row.id}`;
export const changesRoute = (row: CampaignRow) =>
  `GET ${workspace}/${row.level}/${row.advertiserId}/${row.id}/changes`;

const keyOf = (row: { advertiserId: string; id: string }) => `${row.advertiserId}:${row.id}`;

export function campaignMirror(rows: CampaignRow[]) {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return {
    /** The table's answer: every row the status filter shows, on one page. */
    table: ((request) => {
      const status = (request.query.get('status') ?? 'not_deleted') as CampaignStatusFilter;
      const rows = [...byKey.values()].filter((row) => statusFilterShows(status, row));
      return jsonResponse({ rows, nextCursor: null });
    }) satisfies MockHandler,
    get: (target: { advertiserId: string; id: string }) => byKey.get(keyOf(target))!,
    put: (row: CampaignRow) => byKey.set(keyOf(row), row),
  };
}

export const turnedOff = (row: CampaignRow): CampaignRow => ({
  ...row,
  operationStatus: 'DISABLE',
  secondaryStatus: 'CAMPAIGN_STATUS_DISABLE',
  delivery: { state: 'paused', label: 'Paused', reason: null },
});

export const turnedOn = (row: CampaignRow): CampaignRow => ({
  ...row,
  operationStatus: 'ENABLE',
  secondaryStatus: 'CAMPAIGN_STATUS_ENABLE',
  delivery: { state: 'active', label: 'Active', reason: null },
});

export const result = (
  row: CampaignRow,
  outcome: CampaignActionResult['outcome'],
  message: string | null,
): CampaignActionResult => ({ advertiserId: row.advertiserId, id: row.id, outcome, message, row });

/** A promise the test settles when it chooses: the server answers then. */
export function later() {
  let release = () => {};
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { answered, release };
}
