export { createTikTokClient, type TikTokClient, type TikTokClientOptions } from './create-tiktok-client.js';
export { createRequestId } from './create-request-id.js';
export { systemClock, type Clock } from './clock.js';
export { TikTokApiError, type TikTokApiErrorDetails } from './errors/tiktok-api-error.js';
export { tiktokErrorKinds, type TikTokErrorKind, type RateLimitSignal } from './errors/tiktok-error-kind.js';
export { errorCatalogue, classifyEnvelopeError, type CatalogueRow } from './errors/error-catalogue.js';
export { defaultRetryPolicy, type RetryPolicy } from './retry/retry-policy.js';
export {
  createRateLimiter,
  RateLimitWaitError,
  RateLimiterClosedError,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitedCall,
  type RateLimitObserver,
} from './rate-limit/rate-limiter.js';
export { createInMemoryRateLimitStore } from './rate-limit/in-memory-rate-limit-store.js';
export type {
  LaneUsage,
  PacedBucket,
  RateLimitStore,
  RatePause,
  RefusalReason,
  Reservation,
  ReserveRequest,
} from './rate-limit/rate-limit-store.js';
export {
  lanes,
  defaultLanePolicy,
  type Lane,
  type CallPriority,
  type LanePolicy,
} from './rate-limit/lanes.js';
export { withCallPriority, withCallRank } from './rate-limit/call-priority-context.js';
export { fairShareActiveMilliseconds, fairShareRetryMilliseconds } from './rate-limit/store-rules.js';
export {
  rateLimitTiers,
  defaultEndpointRateLimits,
  defaultHeadroom,
  intervalOf,
  minuteCountOf,
  type RateLimits,
  type RateLimitTier,
} from './rate-limit/rate-limits.js';
export { iteratePages, collect } from './pagination/iterate-pages.js';
export { splitIntoBatches, batchLimits } from './pagination/split-into-batches.js';
export type { TikTokCallEvent, TikTokClientLogger } from './observability/tiktok-call-event.js';
export { formStreamingFetch } from './transport/form-streaming-fetch.js';
export type { CreateIdempotency, CallOptions } from './transport/tiktok-request.js';
export type { Page, PageInfo, OpenEnum } from './transport/wire-schemas.js';
export type { AuthorizationCallback } from './endpoints/oauth/read-authorization-callback.js';
export type { AccessToken } from './endpoints/oauth/token-schema.js';
export type { AuthorizedAdvertiser } from './endpoints/oauth/get-authorized-advertisers.js';
export type { RevokedAccess } from './endpoints/oauth/revoke-access-token.js';
export type { BusinessCenter } from './endpoints/business-centers/get-business-centers.js';
export type {
  BusinessCenterAsset,
  AssetType,
  AdCreationEligibility,
  AdvertiserRole,
  AssetRelationType,
} from './endpoints/business-centers/get-business-center-assets.js';
export type { AdvertiserInfo, AdvertiserStatus } from './endpoints/advertisers/get-advertiser-info.js';
export type { Campaign, BudgetMode, CreatableObjective } from './endpoints/campaigns/campaign-schema.js';
export type { CreateCampaignInput, CreatedCampaign } from './endpoints/campaigns/create-campaign.js';
export type { UpdateCampaignInput } from './endpoints/campaigns/update-campaign.js';
export type { UpdateAdGroupInput } from './endpoints/ad-groups/update-ad-group.js';
export type { UpdateAdsInput } from './endpoints/ads/update-ads.js';
export type { AdGroup } from './endpoints/ad-groups/ad-group-schema.js';
export type { CreateAdGroupInput, CreatedAdGroup } from './endpoints/ad-groups/create-ad-group.js';
export type { Ad, AdCreative, AdFormat } from './endpoints/ads/ad-schema.js';
export type { CreateAdsInput, CreatedAds } from './endpoints/ads/create-ads.js';
export type { OperationStatus, PrimaryStatus, StatusUpdateResult } from './endpoints/entity-status.js';
export type { Image, Video, UploadFile, UploadSource } from './endpoints/creatives/media-schemas.js';
export type {
  ReportRow,
  ReportPage,
  GetIntegratedReportInput,
  DataLevel,
} from './endpoints/reports/get-integrated-report.js';
export type {
  Region,
  RegionLevel,
  RegionLevelRange,
  RegionAreaType,
  GetRegionsInput,
} from './endpoints/tools/get-regions.js';
export type {
  Identity,
  IdentityType,
  IdentityAvailableStatus,
} from './endpoints/identities/identity-schema.js';
export type { GetIdentitiesInput } from './endpoints/identities/get-identities.js';
export type { CreateIdentityInput, CreatedIdentity } from './endpoints/identities/create-identity.js';
export type {
  Pixel,
  PixelEvent,
  PixelOptimizationEvent,
  GetPixelsInput,
} from './endpoints/pixels/get-pixels.js';
export type { AdvertiserApp, GetAppsInput } from './endpoints/apps/get-apps.js';
export type { AudienceType, CustomAudience, GetAudiencesInput } from './endpoints/audiences/get-audiences.js';
