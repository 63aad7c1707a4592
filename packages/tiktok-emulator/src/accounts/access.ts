import type { AdvertiserRole } from '../scenarios/scenario-schema.js';
import type { AdvertiserRecord, MembershipRecord } from '../state/records.js';
import type { Store } from '../state/store.js';

// Who may use which ad account, read live from the store so that a role change made through
// the control API takes effect on the next call, as it would at TikTok.

export const membershipOf = (store: Store, userId: string, bcId: string): MembershipRecord | undefined =>
  store.memberships.find(
    (membership) =>
      membership.userId === userId && membership.bcId === bcId && membership.relationStatus === 'BOUND',
  );

export const businessCentersOf = (store: Store, userId: string): MembershipRecord[] =>
  store.memberships.filter(
    (membership) => membership.userId === userId && membership.relationStatus === 'BOUND',
  );

/**
 * Reference §3.2 and correction 14: the owner of an account outside any Business Center has full
 * access; BC admins act as ADMIN on every account of their BC; anyone else needs an assignment
 * (inside a BC, only while still a member of it).
 */
export function advertiserRoleOf(
  store: Store,
  userId: string,
  advertiserId: string,
): AdvertiserRole | undefined {
  const advertiser = store.advertisers.get(advertiserId);
  if (!advertiser) return undefined;
  if (advertiser.ownerUserId === userId) return 'ADMIN';
  if (advertiser.bcId !== undefined) {
    const membership = membershipOf(store, userId, advertiser.bcId);
    if (!membership) return undefined;
    if (membership.userRole === 'ADMIN') return 'ADMIN';
  }
  return store.assignments.find(
    (assignment) => assignment.userId === userId && assignment.advertiserId === advertiserId,
  )?.advertiserRole;
}

export const advertisersOfBusinessCenter = (store: Store, bcId: string): AdvertiserRecord[] =>
  [...store.advertisers.values()].filter((advertiser) => advertiser.bcId === bcId);

/** The accounts a user reaches in a BC, with any role. */
export const reachableAdvertisers = (store: Store, userId: string, bcId: string): AdvertiserRecord[] =>
  advertisersOfBusinessCenter(store, bcId).filter((advertiser) =>
    advertiserRoleOf(store, userId, advertiser.advertiserId),
  );

/**
 * Correction 14 and 16: the accounts a user may grant to an app are every account they reach with
 * any role (analysts included) in any of their Business Centers, plus those they own individually.
 * `bcId` limits the offer to one Business Center (the `businessCenterStep: 'pick'` reading).
 */
export const grantableAdvertisers = (store: Store, userId: string, bcId?: string): AdvertiserRecord[] =>
  [...store.advertisers.values()].filter(
    (advertiser) =>
      (bcId === undefined || advertiser.bcId === bcId) &&
      advertiserRoleOf(store, userId, advertiser.advertiserId) !== undefined,
  );

/** The Business Centers that own some of these accounts, in first-seen order. */
export const businessCentersHolding = (store: Store, advertiserIds: string[]): string[] => [
  ...new Set(
    advertiserIds
      .map((advertiserId) => store.advertisers.get(advertiserId)?.bcId)
      .filter((bcId) => bcId !== undefined),
  ),
];
