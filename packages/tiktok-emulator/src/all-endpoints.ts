import { advertiserInfoEndpoint } from './accounts/advertiser-info-endpoint.js';
import {
  businessCenterAssetGetEndpoint,
  businessCenterGetEndpoint,
  businessCenterMemberGetEndpoint,
} from './accounts/business-center-endpoints.js';
import { adEndpoints } from './ads/ad-endpoints.js';
import { adgroupEndpoints } from './ads/adgroup-endpoints.js';
import { campaignEndpoints } from './ads/campaign-endpoints.js';
import { imageInfoEndpoint, imageSearchEndpoint, imageUploadEndpoint } from './creatives/image-endpoints.js';
import { videoInfoEndpoint, videoSearchEndpoint, videoUploadEndpoint } from './creatives/video-endpoints.js';
import type { Endpoint } from './http/define-endpoint.js';
import { oauthEndpoints } from './oauth/token-endpoints.js';
import { reportIntegratedGetEndpoint } from './reports/report-endpoint.js';

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
] as Endpoint[];
