import type { EmulatorRuntime } from '../runtime.js';
import type { AdvertiserRecord, IdentityRecord } from '../state/records.js';

/** A TikTok handle made from an account's name ("Northwind US" → "northwindus"). */
const handleOf = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24) || 'account';

/**
 * Every account starts with the identity its ads run under (a CUSTOMIZED_USER named after it,
 * TikTok's default avatar) and a linked TikTok account (TT_USER), which Whathead can list but not
 * make: those come from TikTok's own account linking. Ids come from the seeded generator.
 */
export function seedIdentities(runtime: EmulatorRuntime, advertiser: AdvertiserRecord): void {
  const base = {
    advertiserId: advertiser.advertiserId,
    display_name: advertiser.name,
    image_uri: null,
    identity_authorized_bc_id: null,
  };
  const identities: IdentityRecord[] = [
    {
      ...base,
      identity_id: runtime.ids.assetId(),
      identity_type: 'CUSTOMIZED_USER',
      user_name: null,
      available_status: null,
      can_pull_video: null,
      can_push_video: null,
      can_use_live_ads: null,
      can_manage_message: null,
    },
    {
      ...base,
      identity_id: runtime.ids.assetId(),
      identity_type: 'TT_USER',
      user_name: handleOf(advertiser.name),
      available_status: 'AVAILABLE',
      can_pull_video: true,
      can_push_video: true,
      can_use_live_ads: false,
      can_manage_message: false,
    },
  ];
  for (const identity of identities) runtime.store.identities.set(identity.identity_id, identity);
}
