import type { ReportBreakdownRow, ReportLevel } from '@whathead/contracts';
import type { ReportView } from './report-view';

/** The view one level down from a row: a campaign's ad groups, an ad group's ads; null for an ad. */
export function drillInto(row: ReportBreakdownRow): Partial<ReportView> | null {
  // The search was for the level left; the rows below have other names.
  if (row.level === 'campaign') return { level: 'adgroup', campaign: row.id, adgroup: null, q: '' };
  if (row.level === 'adgroup') return { level: 'ad', campaign: row.campaignId, adgroup: row.id, q: '' };
  return null;
}

/**
 * A tab keeps the drill-down above its level: Ads of the campaign one is in stay that campaign's,
 * and Campaigns is every campaign again.
 */
export function switchLevel(
  view: Pick<ReportView, 'campaign' | 'adgroup'>,
  level: ReportLevel,
): Partial<ReportView> {
  return {
    level,
    campaign: level === 'campaign' ? null : view.campaign,
    adgroup: level === 'ad' ? view.adgroup : null,
    q: '',
  };
}

export interface Crumb {
  label: string;
  /** The view it leads to; null for the crumb of the view shown. */
  target: Partial<ReportView> | null;
}

/**
 * "All campaigns › Summer Sale › Broad audience": the way back up from a drill-down. Names come
 * from the rows shown (each carries its campaign's and ad group's); without rows, the ids.
 */
export function crumbsOf(
  view: Pick<ReportView, 'level' | 'campaign' | 'adgroup'>,
  rows: readonly ReportBreakdownRow[],
): Crumb[] {
  if (view.campaign === null && view.adgroup === null) return [];
  const first = rows[0];
  const crumbs: Crumb[] = [
    { label: 'All campaigns', target: { level: 'campaign', campaign: null, adgroup: null, q: '' } },
  ];
  if (view.campaign !== null) {
    crumbs.push({
      label: first?.campaignName ?? `Campaign ${view.campaign}`,
      // Its ad groups; already the view when they are what is shown.
      target:
        view.level === 'adgroup' ? null : { level: 'adgroup', campaign: view.campaign, adgroup: null, q: '' },
    });
  }
  if (view.adgroup !== null) {
    crumbs.push({ label: first?.adgroupName ?? `Ad group ${view.adgroup}`, target: null });
  }
  return crumbs;
}
