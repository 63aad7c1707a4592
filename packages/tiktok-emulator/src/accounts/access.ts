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

/** Reference §3.2: BC admins act as ADMIN on every account of their BC; others need an assignment. */
export function advertiserRoleOf(
  store: Store,
  userId: string,
  advertiserId: string,
): AdvertiserRole | undefined {
  const advertiser = store.advertisers.get(advertiserId);
  if (!advertiser) return undefined;
  const membership = membershipOf(store, userId, advertiser.bcId);
  if (!membership) return undefined;
  if (membership.userRole === 'ADMIN') return 'ADMIN';
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
 * The accounts a user may authorize for an app: TikTok lets admins and operators authorize and
 * not analysts (a reading: the help page's "Permission denied" case is an analyst-only user).
 */
export const authorizableAdvertisers = (store: Store, userId: string, bcId: string): AdvertiserRecord[] =>
  advertisersOfBusinessCenter(store, bcId).filter((advertiser) => {
    const role = advertiserRoleOf(store, userId, advertiser.advertiserId);
    return role === 'ADMIN' || role === 'OPERATOR';
  });

/** A user with no authorizable account in a BC where they reach some accounts has too weak a role. */
export const hasTooWeakRole = (store: Store, userId: string, bcId: string): boolean =>
  reachableAdvertisers(store, userId, bcId).length > 0 &&
  authorizableAdvertisers(store, userId, bcId).length === 0;
