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

/** The drill-down's campaign and ad group by name; null while no row has named them. */
export interface DrillNames {
  campaign: string | null;
  adgroup: string | null;
}

/** Names of campaigns and ad groups, keyed "campaign:<id>" and "adgroup:<id>". */
export type KnownNames = ReadonlyMap<string, string>;

/** The campaigns' and ad groups' names the rows carry (each row names its own and its parents). */
export function namesIn(rows: readonly ReportBreakdownRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of rows) {
    if (row.campaignName !== null) names.set(`campaign:${row.campaignId}`, row.campaignName);
    if (row.adgroupId !== null && row.adgroupName !== null)
      names.set(`adgroup:${row.adgroupId}`, row.adgroupName);
    if (row.level !== 'ad') names.set(`${row.level}:${row.id}`, row.name);
  }
  return names;
}

export function drillNamesOf(view: Pick<ReportView, 'campaign' | 'adgroup'>, known: KnownNames): DrillNames {
  return {
    campaign: view.campaign === null ? null : (known.get(`campaign:${view.campaign}`) ?? null),
    adgroup: view.adgroup === null ? null : (known.get(`adgroup:${view.adgroup}`) ?? null),
  };
}

/** Back to the whole of the chosen accounts: every campaign. */
export const wholeAccount: Partial<ReportView> = { level: 'campaign', campaign: null, adgroup: null, q: '' };

export interface Crumb {
  label: string;
  /** The view it leads to; null for the crumb of the view shown. */
  target: Partial<ReportView> | null;
}

/**
 * "All campaigns › Summer Sale › Broad audience": the way back up from a drill-down, named as the
 * rows seen so far named them; otherwise by id.
 */
export function crumbsOf(
  view: Pick<ReportView, 'level' | 'campaign' | 'adgroup'>,
  names: DrillNames,
): Crumb[] {
  if (view.campaign === null && view.adgroup === null) return [];
  const crumbs: Crumb[] = [{ label: 'All campaigns', target: wholeAccount }];
  if (view.campaign !== null) {
    crumbs.push({
      label: names.campaign ?? `Campaign ${view.campaign}`,
      // Its ad groups; already the view when they are what is shown.
      target:
        view.level === 'adgroup' ? null : { level: 'adgroup', campaign: view.campaign, adgroup: null, q: '' },
    });
  }
  if (view.adgroup !== null) {
    crumbs.push({ label: names.adgroup ?? `Ad group ${view.adgroup}`, target: null });
  }
  return crumbs;
}
