/** Limits of one rate bucket (reference §8): per second, per minute, per UTC day. */
export interface RateLimit {
  perSecond: number;
  perMinute: number;
  perDay: number;
}

/**
 * Every knob that picks one reading of an unconfirmed fact or sets a limit; all can be changed
 * while running (control API `PATCH /control/settings`). README lists each with its default.
 */
export interface EmulatorSettings {
  /** Reference §1.3 / correction 9: long-term tokens by default; `refreshable` adds refresh tokens. */
  tokenMode: 'long_term' | 'refreshable';
  accessTokenLifetimeSeconds: number;
  refreshTokenLifetimeSeconds: number;
  /**
   * Unconfirmed (§1.3): whether authorizing the app again gives the TikTok user a new token, or
   * the same long-term token with the new grant added to it (`per_user`), so that revoking it
   * ends every grant of that user to the app.
   */
  tokenIssuance: 'per_grant' | 'per_user';
  /** Reference §1.2: codes are single-use and valid for about an hour. */
  authorizationCodeLifetimeSeconds: number;
  /**
   * Correction 17: a used or expired auth code answers 40101 "Invalid auth_code. Not able to get
   * long-term access_token with an old auth_code."; 40110 is §7's older reading. Codes that never
   * existed or belong to another app always answer 40110.
   */
  staleAuthCodeCode: 40101 | 40110;
  /**
   * Correction 14: TikTok documents no Business Center picker; the consent page offers every
   * grantable account (`none`). `pick` adds a picker before consent that limits the offer to one
   * Business Center (one plausible reading of the help page's step 3).
   */
  businessCenterStep: 'none' | 'pick';
  /**
   * Not documented by TikTok (§1.2): what Cancel does. `oauth_error` redirects with RFC 6749's
   * `error=access_denied`; `state_only` redirects with just `state`; `none` stays on TikTok's page.
   */
  cancelRedirect: 'oauth_error' | 'state_only' | 'none';
  /** Reference §4.2: a repeated create `request_id` → 40050 (`reject`) or the first object. */
  duplicateRequestIdMode: 'reject' | 'return_original';
  /** Reference §5: a new video is transcoding (40901 when used) for this long. */
  videoProcessingMilliseconds: number;
  /** Reference §6.1: late conversions — the last N days' conversions are still being restated. */
  restatementDays: number;
  /**
   * Correction 8 (§6.1): deleted objects' figures are hidden unless "the status filter" is
   * `["STATUS_ALL"]`; which `field_name` carries it is not said. `any_status`: any `*_status`
   * field does. `level_status`: only the data level's own (`campaign_status`, `adgroup_status`,
   * `ad_status`), and another `*_status` field is 40002 (at AUCTION_ADVERTISER, every one).
   */
  reportStatusFilterField: 'any_status' | 'level_status';
  /**
   * §6.1 lists `campaign_name` and `adgroup_name` among the attribute metrics, not the parents'
   * ids; public connectors ask for `campaign_id` and `adgroup_id` at AUCTION_AD and read them back.
   * `returned`: they answer as the connectors read them. `rejected`: they are unknown metrics
   * (40002 "Invalid metric fields"), as any metric the reference does not list.
   */
  reportParentIdMetrics: 'returned' | 'rejected';
  /** Correction 11: the 100-ids cap of /advertiser/info/ is not first-hand, so it is a knob. */
  advertiserInfoMaxIds: number;
  /**
   * Correction 14: `/bc/get/` without `bc_id` lists every Business Center the user belongs to
   * (`all`); `authorized` keeps only those that own accounts granted to the token.
   */
  businessCenterVisibility: 'authorized' | 'all';
  /**
   * Correction 15: `ad_creation_eligible` is a CATALOG enum, absent on ADVERTISER rows (`absent`).
   * `enum` adds AVAILABLE/NOT_AVAILABLE to them, `boolean` true/false, for products that read it.
   */
  advertiserAdCreationEligible: 'absent' | 'enum' | 'boolean';
  /** Reference §8: app-wide buckets (Basic tier by default). */
  appRateLimit: RateLimit;
  /**
   * Reference §8 does not say how TikTok aligns its second and minute windows: `calendar` counts
   * per clock-aligned second and minute (retry "next second"); `sliding` counts the calls of the
   * last second or minute at each call. Day budgets reset at 00:00 UTC either way.
   */
  rateWindows: 'calendar' | 'sliding';
  /** Reference §8: endpoint-specific buckets, independent of each other, keyed by API path. */
  endpointRateLimits: Record<string, RateLimit>;
  /** Reference §7 40133: per advertiser and path; the values are unpublished (open question 12). */
  advertiserRateLimitPerSecond: number;
  /** Minimum daily budgets in USD, converted with `currencyRates` (not in the reference). */
  minimumCampaignDailyBudgetUsd: number;
  minimumAdgroupDailyBudgetUsd: number;
  /** Units of each currency per US dollar, used only for budget minimums. */
  currencyRates: Record<string, number>;
  maximumAdsPerAdgroup: number;
  maximumImageBytes: number;
  maximumVideoBytes: number;
  /** Error code for calls on an advertiser that is not eligible for API access (no documented code). */
  ineligibleAdvertiserCode: number;
}

export const defaultSettings: EmulatorSettings = {
  tokenMode: 'long_term',
  tokenIssuance: 'per_grant',
  accessTokenLifetimeSeconds: 86_400,
  refreshTokenLifetimeSeconds: 31_536_000,
  authorizationCodeLifetimeSeconds: 3_600,
  staleAuthCodeCode: 40101,
  businessCenterStep: 'none',
  cancelRedirect: 'oauth_error',
  duplicateRequestIdMode: 'reject',
  videoProcessingMilliseconds: 5_000,
  restatementDays: 7,
  reportStatusFilterField: 'any_status',
  reportParentIdMetrics: 'returned',
  advertiserInfoMaxIds: 100,
  businessCenterVisibility: 'all',
  advertiserAdCreationEligible: 'absent',
  appRateLimit: { perSecond: 10, perMinute: 600, perDay: 864_000 },
  rateWindows: 'calendar',
  endpointRateLimits: {
    '/ad/create/': { perSecond: 5, perMinute: 150, perDay: 86_400 },
    '/report/task/create/': { perSecond: 2, perMinute: 60, perDay: 4_500 },
  },
  advertiserRateLimitPerSecond: 10,
  minimumCampaignDailyBudgetUsd: 50,
  minimumAdgroupDailyBudgetUsd: 20,
  currencyRates: {
    USD: 1,
    EUR: 1,
    GBP: 1,
    CAD: 1.4,
    AUD: 1.5,
    JPY: 150,
    KRW: 1400,
    BRL: 5,
    MXN: 17,
    INR: 80,
  },
  maximumAdsPerAdgroup: 20,
  maximumImageBytes: 10 * 1024 * 1024,
  maximumVideoBytes: 500 * 1024 * 1024,
  ineligibleAdvertiserCode: 40001,
};

export type SettingsPatch = Partial<EmulatorSettings>;
