import type { CallOptions } from '../transport/tiktok-request.js';

/** Every token-authenticated call names its token: one client serves many connections (issue 4 §1). */
export interface TokenCall extends CallOptions {
  accessToken: string;
}

export interface AdvertiserCall extends TokenCall {
  advertiserId: string;
}

/** Reference §2: 1-based pages; each endpoint has its own maximum page size. */
export interface PageRequest {
  page?: number | undefined;
  pageSize?: number | undefined;
}

/**
 * TikTok fields this client does not model, sent verbatim in TikTok's snake_case spelling
 * (reference §4.1 lists dozens per create). Modelled fields win over these.
 */
export interface AdditionalFields {
  additionalFields?: Record<string, unknown> | undefined;
}
