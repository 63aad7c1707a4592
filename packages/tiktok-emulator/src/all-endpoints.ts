import { advertiserInfoEndpoint } from './accounts/advertiser-info-endpoint.js';
import {
  businessCenterAssetGetEndpoint,
  businessCenterGetEndpoint,
  businessCenterMemberGetEndpoint,
} from './accounts/business-center-endpoints.js';
import { adEndpoints } from './ads/ad-endpoints.js';
import { adgroupEndpoints } from './ads/adgroup-endpoints.js';
import { appListEndpoint } from './apps/app-list-endpoint.js';
import { audienceListEndpoint } from './audiences/audience-list-endpoint.js';
import { campaignEndpoints } from './ads/campaign-endpoints.js';
import { imageInfoEndpoint, imageSearchEndpoint, imageUploadEndpoint } from './creatives/image-endpoints.js';
import { videoInfoEndpoint, videoSearchEndpoint, videoUploadEndpoint } from './creatives/video-endpoints.js';
import type { Endpoint } from './http/define-endpoint.js';
import { identityEndpoints } from './identities/identity-endpoints.js';
import { oauthEndpoints } from './oauth/token-endpoints.js';
import { pixelListEndpoint } from './pixels/pixel-list-endpoint.js';
import { reportIntegratedGetEndpoint } from './reports/report-endpoint.js';
import { regionEndpoint } from './tools/region-endpoint.js';

/** Every TikTok endpoint the emulator serves (README lists them with their rules). */
export const allEndpoints: Endpoint[] = [
  ...oauthEndpoints,
  businessCenterGetEndpoint,
  businessCenterAssetGetEndpoint,
  businessCenterMemberGetEndpoint,
  advertiserInfoEndpoint,
  ...campaignEndpoints,
  ...adgroupEndpoints,
  ...adEndpoints,
  imageUploadEndpoint,
  imageInfoEndpoint,
  imageSearchEndpoint,
  videoUploadEndpoint,
  videoInfoEndpoint,
  videoSearchEndpoint,
  reportIntegratedGetEndpoint,
  regionEndpoint,
  ...identityEndpoints,
  pixelListEndpoint,
  appListEndpoint,
  audienceListEndpoint,
] as Endpoint[];
