import type { CampaignActionResult, CampaignLevel, CampaignRow } from '@whathead/contracts';
import { rowKey } from '../api/campaign-row-cache';
import type { CampaignOperation } from '../api/change-campaign-status';
import { operationWords } from '../components/campaign-action-rules';
import { levelNouns } from '../components/campaign-words';
import { countOf } from '../components/count-words';

export interface RowOutcome {
  row: CampaignRow;
  message: string;
}

/** What the last Turn on, Turn off or Delete came to, for the summary under the toolbar. */
export interface StatusReport {
  operation: CampaignOperation;
  level: CampaignLevel;
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
    level: levelOf(rows),
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
    level: levelOf(rows),
    total: rows.length,
    changed: 0,
    failed: rows.map((row) => ({ row, message })),
    skipped: [],
    conflicts: 0,
  };
}

/** Rows changed at TikTok since the user loaded them: as shown then, and as TikTok has them now. */
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

/** How the summary looks: all done; some had nothing to change (news, not a warning); some failed. */
export type ReportTone = 'success' | 'neutral' | 'warning';

export function toneOf(report: StatusReport): ReportTone {
  if (report.failed.length > 0) return 'warning';
  return report.skipped.length > 0 ? 'neutral' : 'success';
}

/** The summary's first sentence: "3 campaigns turned off.", "Nothing to change.", "2 of 5 changed." */
export function headlineOf(report: StatusReport): string {
  if (report.failed.length === 0 && report.changed > 0)
    return `${countOf(report.changed, levelNouns[report.level])} ${operationWords[report.operation].done}.`;
  if (report.failed.length === 0 && report.skipped.length > 0) return 'Nothing to change.';
  return `${report.changed} of ${report.total} changed.`;
}

/** The sentence screen readers hear when the answer comes. */
export function announcementOf(report: StatusReport): string {
  const parts = [headlineOf(report)];
  if (report.failed.length > 0) parts.push(`${report.failed.length} failed.`);
  if (report.skipped.length > 0) parts.push(`${report.skipped.length} not changed.`);
  if (report.conflicts > 0) parts.push(`${report.conflicts} changed in TikTok since you loaded them.`);
  return parts.join(' ');
}

const levelOf = (rows: readonly CampaignRow[]): CampaignLevel => rows[0]?.level ?? 'campaign';
