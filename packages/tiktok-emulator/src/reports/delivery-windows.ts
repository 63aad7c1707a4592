import type { EmulatorRuntime } from '../runtime.js';
import { parseDateTime } from '../state/clock.js';
import type { AdRecord } from '../state/records.js';
import { statusAt } from '../state/store.js';

/** Instants `[from, to)`; lists of them are sorted and do not overlap. */
export type Window = [from: number, to: number];

/**
 * When an ad could deliver: inside its ad group's schedule, while the ad, its ad group and its
 * campaign were all ENABLE by their status history, and only if the advertiser is enabled now
 * (accounts keep no status history). A report walks these windows instead of asking, for every
 * hour of its range, what each status was then: same answer, a few windows per ad.
 *
 * Made per report: what an ad group contributes (its schedule, its and its campaign's history) is
 * worked out once for all of its ads, and the store must not change while the reader is in use.
 */
export function deliveryWindowReader(runtime: EmulatorRuntime): (ad: AdRecord) => Window[] {
  const { store } = runtime;
  const byAdgroup = new Map<string, Window[]>();
  const adgroupWindows = (ad: AdRecord): Window[] => {
    // Keyed by both ids: an ad's campaign is read from the ad, as the hour-by-hour reading did.
    const key = `${ad.adgroup_id}|${ad.campaign_id}`;
    const known = byAdgroup.get(key);
    if (known) return known;
    const adgroup = store.adgroups.get(ad.adgroup_id);
    // A schedule that does not parse never delivers, as the hour-by-hour reading had it.
    const start = adgroup ? (parseDateTime(adgroup.schedule_start_time) ?? Infinity) : Infinity;
    const end = adgroup ? (parseDateTime(adgroup.schedule_end_time) ?? -Infinity) : -Infinity;
    let windows: Window[] = start < end ? [[start, end]] : [];
    windows = intersect(windows, enabledWindows(runtime, ad.adgroup_id));
    windows = intersect(windows, enabledWindows(runtime, ad.campaign_id));
    byAdgroup.set(key, windows);
    return windows;
  };
  return (ad) => {
    if (store.advertisers.get(ad.advertiser_id)?.status !== 'STATUS_ENABLE') return [];
    return intersect(adgroupWindows(ad), enabledWindows(runtime, ad.ad_id));
  };
}

/**
 * Where `statusAt` answers ENABLE. It only changes at a recorded change, so reading it once at
 * each change time (and never before the first, when the entity did not exist) finds every window.
 */
function enabledWindows(runtime: EmulatorRuntime, entityId: string): Window[] {
  const history = runtime.store.statusHistory.get(entityId) ?? [];
  const changes = [...new Set(history.map((change) => change.at))].sort((left, right) => left - right);
  const windows: Window[] = [];
  changes.forEach((at, index) => {
    if (statusAt(runtime.store, entityId, at) !== 'ENABLE') return;
    const to = changes[index + 1] ?? Infinity;
    const last = windows.at(-1);
    if (last && last[1] === at) last[1] = to;
    else windows.push([at, to]);
  });
  return windows;
}

function intersect(left: Window[], right: Window[]): Window[] {
  const both: Window[] = [];
  let leftIndex = 0;
  let rightIndex = 0;
  while (leftIndex < left.length && rightIndex < right.length) {
    const [leftFrom, leftTo] = left[leftIndex]!;
    const [rightFrom, rightTo] = right[rightIndex]!;
    const from = Math.max(leftFrom, rightFrom);
    const to = Math.min(leftTo, rightTo);
    if (from < to) both.push([from, to]);
    if (leftTo < rightTo) leftIndex += 1;
    else rightIndex += 1;
  }
  return both;
}
