import type { CampaignActionResult, CampaignRow } from '@whathead/contracts';
import { rowKey } from '../api/campaign-row-cache';
import type { CampaignOperation } from '../api/change-campaign-status';

export interface RowOutcome {
  row: CampaignRow;
  message: string;
}

/** What the last Turn on, Turn off or Delete came to, for the summary under the toolbar. */
export interface StatusReport {
  operation: CampaignOperation;
  total: number;
  changed: number;
  failed: RowOutcome[];
  skipped: RowOutcome[];
  conflicts: number;
}

/** The rows sent and the server's outcome for each, sorted into the report's piles. */
export function reportOf(
  operation: CampaignOperation,
  rows: readonly CampaignRow[],
  results: readonly CampaignActionResult[],
): StatusReport {
  const report: StatusReport = {
    operation,
    total: rows.length,
    changed: 0,
    failed: [],
    skipped: [],
    conflicts: 0,
  };
  const byKey = new Map(rows.map((row) => [rowKey(row), row]));
  for (const result of results) {
    const row = byKey.get(rowKey(result)) ?? result.row;
    if (!row) continue;
    if (result.outcome === 'changed') report.changed += 1;
    else if (result.outcome === 'conflict') report.conflicts += 1;
    else
      report[result.outcome].push({
        row,
        message: result.message ?? (result.outcome === 'failed' ? 'TikTok refused.' : 'Nothing to change.'),
      });
  }
  return report;
}

/** The whole request failed: every row failed, for the same reason. */
export function failedReport(
  operation: CampaignOperation,
  rows: readonly CampaignRow[],
  message: string,
): StatusReport {
  return {
    operation,
    total: rows.length,
    changed: 0,
    failed: rows.map((row) => ({ row, message })),
    skipped: [],
    conflicts: 0,
  };
}

/** The rows changed at TikTok since the last sync: as Whathead had them, and as TikTok has them now. */
export function conflictsOf(rows: readonly CampaignRow[], results: readonly CampaignActionResult[]) {
  const byKey = new Map(rows.map((row) => [rowKey(row), row]));
  return results.flatMap((result) => {
    const before = byKey.get(rowKey(result));
    return result.outcome === 'conflict' && before ? [{ before, now: result.row ?? before }] : [];
  });
}

export function changedRows(rows: readonly CampaignRow[], results: readonly CampaignActionResult[]) {
  const changed = new Set(results.filter((result) => result.outcome === 'changed').map(rowKey));
  return rows.filter((row) => changed.has(rowKey(row)));
}

/** The sentence screen readers hear when the answer comes. */
export function announcementOf(report: StatusReport): string {
  if (report.changed === report.total) return `${report.total} changed.`;
  const parts = [`${report.changed} of ${report.total} changed.`];
  if (report.failed.length > 0) parts.push(`${report.failed.length} failed.`);
  if (report.skipped.length > 0) parts.push(`${report.skipped.length} not changed.`);
  if (report.conflicts > 0) parts.push(`${report.conflicts} changed in TikTok since the last sync.`);
  return parts.join(' ');
}
