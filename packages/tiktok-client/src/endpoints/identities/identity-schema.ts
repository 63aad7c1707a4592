import { z } from 'zod';
import {
  idSchema,
  openEnum,
  optional,
  optionalBoolean,
  optionalName,
  optionalString,
} from '../../transport/wire-schemas.js';

// An identity an ad is shown under (reference §4.3 `identity_type`; correction 5: CUSTOMIZED_USER
// for non-Spark ads). Fields from bububa/tiktok-business `model/identity/identity.go`.

/** The types /identity/get/ documents (tiktok-business-api-sdk `IdentityApi.md`). */
export type IdentityType = 'CUSTOMIZED_USER' | 'AUTH_CODE' | 'TT_USER' | 'BC_AUTH_TT';

/** TT_USER and BC_AUTH_TT only: whether the linked TikTok account can be used. */
export type IdentityAvailableStatus =
  'AVAILABLE' | 'NO_VALID_BIND_ACCOUNT' | 'SCOPE_UNAVAILABLE' | 'IS_PRIVATE_ACCOUNT' | 'NOT_BUSINESS_ACCOUNT';

export const identitySchema = z
  .object({
    identity_id: idSchema,
    identity_type: openEnum<IdentityType>(),
    display_name: optionalName,
    profile_image: optionalString,
    user_name: optionalString,
    available_status: openEnum<IdentityAvailableStatus>(),
    can_pull_video: optionalBoolean,
    identity_authorized_bc_id: optional(idSchema),
  })
  .transform((row) => ({
    identityId: row.identity_id,
    identityType: row.identity_type,
    displayName: row.display_name ?? '',
    /** A temporary URL (TikTok: valid about 48 hours): show it, do not keep it. */
    profileImageUrl: row.profile_image || undefined,
    userName: row.user_name,
    availableStatus: row.available_status,
    canPullVideo: row.can_pull_video,
    /** BC_AUTH_TT: the Business Center to name in an ad's `identity_authorized_bc_id`. */
    identityAuthorizedBcId: row.identity_authorized_bc_id,
  }));

export type Identity = z.output<typeof identitySchema>;
