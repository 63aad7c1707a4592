import type { AdvertiserRole, AdvertiserStatus, BusinessCenterRole } from '../scenarios/scenario-schema.js';

// In-memory records. Accounts use our own camelCase; ads and creatives are kept in TikTok's
// field names (reference §4.4, §5) because `*/get/` returns them as stored.

export interface UserRecord {
  userId: string;
  email: string;
  password: string;
  displayName: string;
}

export interface BusinessCenterRecord {
  bcId: string;
  name: string;
  company: string;
  currency: string;
  timezone: string;
  registeredArea: string;
  status: string;
  type: string;
}

export interface MembershipRecord {
  bcId: string;
  userId: string;
  userRole: BusinessCenterRole;
  financeRole: 'MANAGER' | 'ANALYST' | undefined;
  relationStatus: 'BOUND' | 'PENDING' | 'REJECTED' | 'UNBOUND';
}

export interface AdvertiserRecord {
  advertiserId: string;
  /** The owning Business Center; undefined for an account a user owns individually (correction 14). */
  bcId: string | undefined;
  /** The user who owns the account outside any Business Center (`OWNER_INDIVIDUAL`, §3.2). */
  ownerUserId: string | undefined;
  name: string;
  company: string;
  status: AdvertiserStatus;
  apiEligible: boolean;
  role: string;
  currency: string;
  timezone: string;
  displayTimezone: string;
  country: string;
  industry: string;
  email: string;
  cellphoneNumber: string;
  balance: number;
  rejectionReason: string;
  createTime: number;
}

/** An ad account assigned to a standard member (BC admins reach every account of their BC). */
export interface AdvertiserAssignmentRecord {
  advertiserId: string;
  userId: string;
  advertiserRole: AdvertiserRole;
}

export interface AppRecord {
  appId: string;
  secret: string;
  name: string;
  redirectUris: string[];
  /** Permission ids (reference §9) the developer app asks for; the user may untick some. */
  requestedPermissions: number[];
}

/** Correction 14: a grant is a set of ad accounts, which may span Business Centers or be empty. */
export interface AuthorizationCodeRecord {
  code: string;
  appId: string;
  userId: string;
  /** Only when a Business Center was chosen (`businessCenterStep: 'pick'` or the control API). */
  pickedBcId: string | undefined;
  advertiserIds: string[];
  scope: number[];
  issuedAt: number;
  used: boolean;
}

export interface AuthorizationSessionRecord {
  sessionId: string;
  appId: string;
  redirectUri: string;
  state: string | undefined;
  userId: string | undefined;
  /** The Business Center chosen on the optional picker step (`businessCenterStep: 'pick'`). */
  bcId: string | undefined;
  createdAt: number;
}

export interface TokenRecord {
  accessToken: string;
  appId: string;
  userId: string;
  /** Informational only (control API's token list); access never depends on it. */
  pickedBcId: string | undefined;
  /** Every account granted, across Business Centers and individually owned ones. */
  advertiserIds: string[];
  scope: number[];
  issuedAt: number;
  /** Only in the refreshable mode (reference §1.3); long-term tokens never expire. */
  expiresAt: number | undefined;
  refreshToken: string | undefined;
  refreshExpiresAt: number | undefined;
  revoked: boolean;
  /** Set by the control API to simulate expiry of a long-term token. */
  forcedExpired: boolean;
}

export interface CampaignRecord {
  advertiser_id: string;
  campaign_id: string;
  campaign_name: string;
  objective_type: string;
  campaign_type: string;
  budget_mode: string;
  budget: number;
  budget_optimize_on: boolean;
  operation_status: 'ENABLE' | 'DISABLE' | 'DELETE';
  special_industries: string[];
  is_new_structure: boolean;
  is_smart_performance_campaign: boolean;
  is_search_campaign: boolean;
  po_number: string | null;
  create_time: string;
  modify_time: string;
}

export interface AdgroupRecord {
  advertiser_id: string;
  campaign_id: string;
  campaign_name: string;
  adgroup_id: string;
  adgroup_name: string;
  operation_status: 'ENABLE' | 'DISABLE' | 'DELETE';
  placement_type: string;
  placements: string[] | null;
  promotion_type: string | null;
  location_ids: string[];
  zipcode_ids: string[];
  age_groups: string[] | null;
  gender: string;
  languages: string[];
  operating_systems: string[];
  budget_mode: string;
  budget: number;
  schedule_type: string;
  schedule_start_time: string;
  schedule_end_time: string;
  dayparting: string | null;
  optimization_goal: string;
  billing_event: string;
  bid_type: string;
  bid_price: number;
  conversion_bid_price: number;
  pacing: string;
  pixel_id: string | null;
  optimization_event: string | null;
  /** Custom audiences of the account the ad group reaches, and those it leaves out. */
  audience_ids: string[];
  excluded_audience_ids: string[];
  bid_display_mode: string;
  create_time: string;
  modify_time: string;
}

export interface AdRecord {
  advertiser_id: string;
  campaign_id: string;
  campaign_name: string;
  adgroup_id: string;
  adgroup_name: string;
  ad_id: string;
  ad_name: string;
  ad_format: string;
  ad_text: string | null;
  video_id: string | null;
  image_ids: string[];
  call_to_action: string | null;
  call_to_action_id: string | null;
  landing_page_url: string | null;
  display_name: string | null;
  identity_type: string;
  identity_id: string;
  avatar_icon_web_uri: string | null;
  operation_status: 'ENABLE' | 'DISABLE' | 'DELETE';
  is_aco: boolean;
  creative_authorized: boolean;
  deeplink_type: string;
  fallback_type: string;
  create_time: string;
  modify_time: string;
}

export interface ImageRecord {
  advertiserId: string;
  image_id: string;
  material_id: string;
  width: number;
  height: number;
  format: string;
  image_url: string;
  signature: string;
  size: number;
  file_name: string;
  is_carousel_usable: boolean;
  displayable: boolean;
  create_time: string;
  modify_time: string;
}

export interface VideoRecord {
  advertiserId: string;
  /** Reference §5: transcoding; until then 40901 and no cover. */
  readyAt: number;
  video_id: string;
  material_id: string;
  file_name: string;
  format: string;
  width: number;
  height: number;
  duration: number;
  bit_rate: number;
  size: number;
  signature: string;
  create_time: string;
  modify_time: string;
}

/** An upload's bytes, kept on disk in the emulator's media directory and streamed to previews. */
export interface MediaRecord {
  mimeType: string;
  path: string;
}

/**
 * An identity an ad is shown under (reference §4.3 `identity_type`). Only CUSTOMIZED_USER ones
 * are made through the API (/identity/create/); the other types come from linking TikTok
 * accounts in TikTok's own tools, so the emulator only seeds them.
 */
export interface IdentityRecord {
  advertiserId: string;
  identity_id: string;
  identity_type: 'CUSTOMIZED_USER' | 'AUTH_CODE' | 'TT_USER' | 'BC_AUTH_TT';
  display_name: string;
  /** CUSTOMIZED_USER: the library image chosen as avatar; null means TikTok's default avatar. */
  image_uri: string | null;
  /** TT_USER / BC_AUTH_TT only: the linked TikTok account's handle and abilities. */
  user_name: string | null;
  available_status: string | null;
  can_pull_video: boolean | null;
  can_push_video: boolean | null;
  can_use_live_ads: boolean | null;
  can_manage_message: boolean | null;
  identity_authorized_bc_id: string | null;
}

/** One event of a pixel, in /pixel/list/'s field names (bububa/tiktok-business model/pixel). */
export interface PixelEventRecord {
  event_id: string;
  event_code: string;
  name: string;
  event_type: string;
  /** Null for events TikTok cannot optimise for (PAGE_VIEW). */
  optimization_event: string | null;
  statistic_type: 'EVERY_TIME' | 'ONCE';
  currency: string;
  currency_value: string;
  deprecated: boolean;
  rules: { operator: string; trigger: string; value: string; variable: string }[];
}

export interface PixelRecord {
  advertiserId: string;
  pixel_id: string;
  pixel_code: string;
  pixel_name: string;
  pixel_category: string;
  pixel_setup_mode: 'STANDARD' | 'DEVELOPER';
  /** Milliseconds since the epoch, as TikTok answers it (e.g. 1581679723600). */
  create_time: number;
  events: PixelEventRecord[];
}

/** A mobile app registered in an ad account for App promotion (reference §9 group 7). */
export interface PromotedAppRecord {
  advertiserId: string;
  app_id: string;
  app_name: string;
  /** Android package name or App Store id. */
  app_platform_id: string;
  app_type: 'APP_ANDROID' | 'APP_IOS';
  platform: 'ANDROID' | 'IOS';
  download_url: string;
  icon_url: string;
  partner_id: string;
  partner_name: string;
  enable_retargeting: 'RETARGETING' | 'NON_RETARGETING';
  self_attribution_enabled: boolean;
  skan_allowed: boolean;
}

/**
 * A custom audience of an ad account, in /dmp/custom_audience/list/'s field names
 * (bububa/tiktok-business `model/dmp/customaudience/list.go`; airbyte's TikTok "Audiences List").
 * Sharing between accounts is not modelled: every audience is its owner's (`is_creator`).
 */
export interface AudienceRecord {
  advertiserId: string;
  audience_id: string;
  name: string;
  /** Words, not a code: "Customer File Audience", "Website Audience", "Lookalike Audience"… */
  audience_type: string;
  /** REACH_FREQUENCY audiences serve reach-and-frequency ads only. */
  audience_sub_type: 'NORMAL' | 'REACH_FREQUENCY';
  /** Customer files only: how the uploaded identifiers were hashed (EMAIL_SHA256…). */
  calculate_type: string | null;
  /** TikTok users matched; 0 while the audience is still being calculated. */
  cover_num: number;
  /** False while TikTok is still calculating the audience, or once it expired. */
  is_valid: boolean;
  is_expiring: boolean;
  is_auto_refresh: boolean;
  /** "YYYY-MM-DD HH:MM:SS", UTC. */
  create_time: string;
  expired_time: string;
}
