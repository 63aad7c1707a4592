/**
 * A TikTok API failure: reference §2 says every API answer is HTTP 200 with a non-zero `code`,
 * a human `message` and `data: {}`; handlers throw this and the transport writes the envelope.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: number,
    message: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Reference §7: 40002 is the parameter error whose message names the field. */
export const fieldError = (field: string, message: string): ApiError =>
  new ApiError(40002, `${field}: ${message}`);

/** Reference §3.4: the captured wording for an unknown, deleted or not-granted advertiser. */
export const advertiserNotFound = (advertiserId: string): ApiError =>
  new ApiError(40001, `The advertiser ${advertiserId} doesn't exist or has been deleted.`);
