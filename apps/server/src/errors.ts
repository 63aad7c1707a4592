import type { ErrorCode, FieldIssue } from '@whathead/contracts';

/** The HTTP status each error code answers with: one table, so a code never changes status. */
export const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  csrf_rejected: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  email_taken: 409,
  invalid_credentials: 401,
  too_many_attempts: 429,
  server_busy: 503,
  password_reset_invalid: 404,
  invitation_invalid: 404,
  invitation_email_mismatch: 403,
  already_member: 409,
  tiktok_authorization_invalid: 400,
  tiktok_grant_expired: 404,
  tiktok_permission_denied: 403,
  tiktok_reconnect_required: 409,
  tiktok_account_not_usable: 409,
  tiktok_advertiser_unavailable: 409,
  campaign_not_editable: 409,
  draft_conflict: 409,
  draft_publishing: 409,
  draft_invalid: 422,
  publish_reviewed: 409,
  tiktok_refused: 422,
  tiktok_rate_limited: 503,
  tiktok_unavailable: 502,
  internal: 500,
  unavailable: 503,
};

export interface AppErrorDetails {
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
  retryAt?: string;
  conflict?: { version: number; updatedAt: string; updatedBy: { id: string; name: string } | null };
}

/**
 * The one error type services throw. Its message is written for the person using Whathead: it
 * says what went wrong and, where there is one, what to do about it.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: AppErrorDetails | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: AppErrorDetails; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = statusByCode[code];
    this.details = options.details;
  }
}

export const notFound = (what = 'This page or record'): AppError =>
  new AppError('not_found', `${what} does not exist, or you do not have access to it.`);

export const validationFailed = (issues: FieldIssue[]): AppError =>
  new AppError('validation_failed', 'Some fields need attention.', { details: { issues } });

export const unauthenticated = (): AppError => new AppError('unauthenticated', 'Log in to continue.');

export const forbidden = (message: string): AppError => new AppError('forbidden', message);

/** PostgreSQL's query_canceled: a statement ran past statement_timeout, or was cancelled. */
const queryCanceled = '57014';

/**
 * A database failure the person can act on, in their words; undefined for any other. A statement
 * cut off by the time limit is a busy database or too big an ask, not a bug with a stack to show.
 */
export function fromDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== queryCanceled)
    return undefined;
  return new AppError(
    'server_busy',
    'This took the database too long, so it was stopped. Try again in a moment, or choose a shorter date range or fewer accounts.',
    { cause: error },
  );
}
