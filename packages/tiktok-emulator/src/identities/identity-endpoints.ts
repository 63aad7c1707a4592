import { z } from 'zod';
import { baseUrlOf, mediaPath } from '../creatives/media-urls.js';
import { fieldError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import { idString, jsonParam, pagingParams } from '../http/params.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { IdentityRecord } from '../state/records.js';

// /identity/get/ and /identity/create/. Parameters from tiktok/tiktok-business-api-sdk
// `python_sdk/docs/IdentityApi.md` and `IdentityCreateBody.md` (first commit 5e39460, unchanged at
// HEAD); the answer's fields, `filtering.keyword` and the page size from bububa/tiktok-business
// `model/identity/{get,create,identity}.go`. Permissions 692 (create) and 693 (query) as
// api-evangelist/tiktok-ads `scopes/tiktok-ads-scopes.yml` relays them.

/** The `identity_type` values /identity/get/ documents. */
export const listedIdentityTypes = ['CUSTOMIZED_USER', 'AUTH_CODE', 'TT_USER', 'BC_AUTH_TT'] as const;

/** The avatar's URL: the library image chosen, or a generated square for TikTok's default one. */
function profileImage(runtime: EmulatorRuntime, identity: IdentityRecord, baseUrl: string): string {
  const image = identity.image_uri ? runtime.store.images.get(identity.image_uri) : undefined;
  return new URL(image ? image.image_url : mediaPath(identity.identity_id), baseUrl).href;
}

/** The fields TikTok sends for each type (bububa `model/identity/identity.go` says which). */
export function describeIdentity(runtime: EmulatorRuntime, identity: IdentityRecord, baseUrl: string) {
  const common = {
    identity_id: identity.identity_id,
    identity_type: identity.identity_type,
    display_name: identity.display_name,
    profile_image: profileImage(runtime, identity, baseUrl),
  };
  if (identity.identity_type === 'CUSTOMIZED_USER') return common;
  return {
    ...common,
    user_name: identity.user_name,
    available_status: identity.available_status,
    can_pull_video: identity.can_pull_video,
    can_push_video: identity.can_push_video,
    can_use_live_ads: identity.can_use_live_ads,
    can_manage_message: identity.can_manage_message,
    ...(identity.identity_type === 'BC_AUTH_TT'
      ? { identity_authorized_bc_id: identity.identity_authorized_bc_id }
      : {}),
  };
}

/**
 * Open questions, answered with the documented reading:
 * - The order of the list is not documented: identities come in the order they were made.
 * - `filtering.keyword` "takes effect only when identity_type is CUSTOMIZED_USER or not passed";
 *   without a type it is matched against every identity's display name (fuzzy: a case-insensitive
 *   part of it). With another type it is ignored, as documented.
 */
export const identityGetEndpoint = defineEndpoint({
  method: 'GET',
  path: '/identity/get/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [693],
  input: z.object({
    advertiser_id: idString(),
    identity_type: z.enum(listedIdentityTypes).optional(),
    identity_authorized_bc_id: idString().optional(),
    filtering: jsonParam(z.object({ keyword: z.string().optional() }).loose()).optional(),
    // bububa model/identity/get.go: page_size 1–100, default 20.
    ...pagingParams(100, 20),
  }),
  handle({ input, runtime, request }) {
    if (input.identity_type === 'BC_AUTH_TT' && !input.identity_authorized_bc_id) {
      throw fieldError(
        'identity_authorized_bc_id',
        'Missing data for required field when identity_type is BC_AUTH_TT.',
      );
    }
    const keyword =
      input.identity_type === undefined || input.identity_type === 'CUSTOMIZED_USER'
        ? input.filtering?.keyword?.trim().toLowerCase()
        : undefined;
    const rows = [...runtime.store.identities.values()].filter(
      (identity) =>
        identity.advertiserId === input.advertiser_id &&
        (!input.identity_type || identity.identity_type === input.identity_type) &&
        (input.identity_type !== 'BC_AUTH_TT' ||
          identity.identity_authorized_bc_id === input.identity_authorized_bc_id) &&
        (!keyword || identity.display_name.toLowerCase().includes(keyword)),
    );
    const { list, page_info } = paginate(rows, input.page, input.page_size);
    const baseUrl = baseUrlOf(request);
    return { identity_list: list.map((identity) => describeIdentity(runtime, identity, baseUrl)), page_info };
  },
});

/**
 * `image_uri` is [required] in TikTok's SDK (IdentityCreateBody.md) but optional in the current
 * portal text bububa translates ("if not passed, a default image is used"): the newer reading is
 * taken. When given it must be an image of this account's library, square (IdentityCreateBody.md:
 * "Width and height ratio must be 1:1"). Identities cannot be edited afterwards.
 */
export const identityCreateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/identity/create/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  permissions: () => [692],
  input: z.object({
    advertiser_id: idString(),
    // IdentityCreateBody.md: "The maximum length is 100 characters."
    display_name: z.string().min(1).max(100),
    image_uri: z.string().min(1).optional(),
  }),
  handle({ input, runtime }) {
    if (input.image_uri !== undefined) {
      const image = runtime.store.images.get(input.image_uri);
      if (!image || image.advertiserId !== input.advertiser_id)
        throw fieldError('image_uri', `Image ${input.image_uri} does not exist.`);
      if (image.width !== image.height)
        throw fieldError('image_uri', 'The avatar image must be square (width and height ratio 1:1).');
    }
    const identity: IdentityRecord = {
      advertiserId: input.advertiser_id,
      identity_id: runtime.ids.assetId(),
      identity_type: 'CUSTOMIZED_USER',
      display_name: input.display_name,
      image_uri: input.image_uri ?? null,
      user_name: null,
      available_status: null,
      can_pull_video: null,
      can_push_video: null,
      can_use_live_ads: null,
      can_manage_message: null,
      identity_authorized_bc_id: null,
    };
    runtime.store.identities.set(identity.identity_id, identity);
    // bububa model/identity/create.go: `data.identity_id`.
    return { identity_id: identity.identity_id };
  },
});

export const identityEndpoints = [identityGetEndpoint, identityCreateEndpoint];
