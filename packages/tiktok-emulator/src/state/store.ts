import type {
  AdRecord,
  AdgroupRecord,
  AdvertiserAssignmentRecord,
  AdvertiserRecord,
  AppRecord,
  AudienceRecord,
  AuthorizationCodeRecord,
  AuthorizationSessionRecord,
  BusinessCenterRecord,
  CampaignRecord,
  IdentityRecord,
  ImageRecord,
  MediaRecord,
  MembershipRecord,
  PixelRecord,
  PromotedAppRecord,
  TokenRecord,
  UserRecord,
  VideoRecord,
} from './records.js';

/** Everything the emulator knows; a scenario load or reset replaces it whole. */
export interface Store {
  users: Map<string, UserRecord>;
  businessCenters: Map<string, BusinessCenterRecord>;
  memberships: MembershipRecord[];
  advertisers: Map<string, AdvertiserRecord>;
  assignments: AdvertiserAssignmentRecord[];
  apps: Map<string, AppRecord>;
  authorizationCodes: Map<string, AuthorizationCodeRecord>;
  tokens: Map<string, TokenRecord>;
  campaigns: Map<string, CampaignRecord>;
  adgroups: Map<string, AdgroupRecord>;
  ads: Map<string, AdRecord>;
  images: Map<string, ImageRecord>;
  videos: Map<string, VideoRecord>;
  /** Identities, pixels and apps of the ad accounts, by their TikTok id (insertion = creation order). */
  identities: Map<string, IdentityRecord>;
  pixels: Map<string, PixelRecord>;
  /** Apps the accounts promote; `apps` above are developer apps, a different thing. */
  promotedApps: Map<string, PromotedAppRecord>;
  /** Custom audiences of the ad accounts, by audience id (insertion = creation order). */
  audiences: Map<string, AudienceRecord>;
  /** The portal's authorization pages in progress (reference §1.1), keyed by a hidden form field. */
  authorizationSessions: Map<string, AuthorizationSessionRecord>;
  /**
   * Uploaded files by image/video id, served back under /media/ for previews. The files belong to
   * this store: replacing the store (a load or reset) deletes them.
   */
  media: Map<string, MediaRecord>;
  /** Operation-status changes by entity id, so reports keep the history of paused objects. */
  statusHistory: Map<string, { at: number; operationStatus: 'ENABLE' | 'DISABLE' | 'DELETE' }[]>;
  /** Reference §4.2: (advertiser, endpoint, request_id) → the id created the first time. */
  idempotencyKeys: Map<string, string>;
  /**
   * Goes up whenever something may have changed (`markChanged`): an API write, a recorded status
   * change, a control-API change. Report pages answer from rows kept between calls
   * (reports/report-cache.ts); a new revision makes them build afresh.
   */
  revision: number;
}

export function createEmptyStore(): Store {
  return {
    users: new Map(),
    businessCenters: new Map(),
    memberships: [],
    advertisers: new Map(),
    assignments: [],
    apps: new Map(),
    authorizationCodes: new Map(),
    tokens: new Map(),
    campaigns: new Map(),
    adgroups: new Map(),
    ads: new Map(),
    images: new Map(),
    videos: new Map(),
    identities: new Map(),
    pixels: new Map(),
    promotedApps: new Map(),
    audiences: new Map(),
    authorizationSessions: new Map(),
    media: new Map(),
    statusHistory: new Map(),
    idempotencyKeys: new Map(),
    revision: 0,
  };
}

/** Call after changing records in place (code outside the API, e.g. a test arranging TikTok's side). */
export function markChanged(store: Store): void {
  store.revision += 1;
}

export const findUserByEmail = (store: Store, email: string): UserRecord | undefined =>
  [...store.users.values()].find((user) => user.email.toLowerCase() === email.trim().toLowerCase());

export function recordStatus(
  store: Store,
  entityId: string,
  at: number,
  operationStatus: 'ENABLE' | 'DISABLE' | 'DELETE',
): void {
  const history = store.statusHistory.get(entityId) ?? [];
  history.push({ at, operationStatus });
  store.statusHistory.set(entityId, history);
  markChanged(store);
}

/** The operation status an entity had at a moment (undefined before it existed). */
export function statusAt(
  store: Store,
  entityId: string,
  at: number,
): 'ENABLE' | 'DISABLE' | 'DELETE' | undefined {
  let status: 'ENABLE' | 'DISABLE' | 'DELETE' | undefined;
  for (const change of store.statusHistory.get(entityId) ?? []) {
    if (change.at > at) break;
    status = change.operationStatus;
  }
  return status;
}
