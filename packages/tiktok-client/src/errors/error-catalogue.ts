import type { RateLimitSignal, TikTokErrorKind } from './tiktok-error-kind.js';

/**
 * Reference §7, as a table: TikTok's envelope code (and, where one code means two things, its
 * message) → the kind Whathead acts on and whether retrying can help. The first matching row wins;
 * each row has a test in error-catalogue.test.ts. Sources disagreeing with the SDK enum (§7 "do
 * not follow") are ignored.
 */
export interface CatalogueRow {
  codes: readonly number[] | { from: number; to: number };
  /** Only when TikTok's message matches: 40000, 40001, 40101, 40110 and 40113 each carry two meanings. */
  message?: RegExp;
  kind: TikTokErrorKind;
  retryable: boolean;
  why: string;
}

const range = (from: number, to: number) => ({ from, to });

export const errorCatalogue: readonly CatalogueRow[] = [
  {
    codes: [20001],
    kind: 'partial_success',
    retryable: false,
    why: 'some items of a batch failed; data lists them',
  },
  {
    codes: [40000],
    message: /\b(app|app_id)\b.*\btoken\b|\btoken\b.*\b(app|app_id)\b/i,
    kind: 'auth_invalid',
    retryable: false,
    why: 'token issued for a different app (PostHog PR #78577): reconnect',
  },
  { codes: [40000], kind: 'invalid_request', retryable: false, why: 'generic invalid parameters' },
  {
    codes: [40001],
    message: /doesn't exist|does not exist|has been deleted|not eligible/i,
    kind: 'advertiser_unavailable',
    retryable: false,
    why: 'unknown, deleted or ineligible advertiser (§3.4 captured message)',
  },
  {
    codes: [40001, 40003, 40117, 40124, 40125, 40130],
    kind: 'permission_denied',
    retryable: false,
    why: 'no permission (§7, PostHog #82183)',
  },
  {
    codes: [
      40002, 40006, 40008, 40009, 40011, 40012, 40014, 40052, 40053, 40061, 40062, 40063, 40065, 40108, 40400,
      40502,
    ],
    kind: 'invalid_request',
    retryable: false,
    why: 'parameter errors: fix the request',
  },
  {
    codes: [40900, 40904, 40905, 40906, 40907, 40908, 40909, 40910, 40915, 40916, 41001, 41002],
    kind: 'invalid_request',
    retryable: false,
    why: 'file, content and offline-field errors',
  },
  { codes: [40007], kind: 'not_found', retryable: false, why: 'object does not exist' },
  {
    codes: [40050, 40911],
    kind: 'duplicate',
    retryable: false,
    why: 'duplicated request / duplicate file name',
  },
  {
    codes: [40113],
    message: /token/i,
    kind: 'auth_invalid',
    retryable: false,
    why: 'app_id inconsistent with the token: reconnect',
  },
  {
    codes: [40101, 40110],
    message: /\bauth[_ ]?code\b|\bauthori[sz]ation code\b/i,
    kind: 'authorization_code_invalid',
    retryable: false,
    why: 'an old or reused auth_code (correction 17): the user connects again; not the app setup',
  },
  {
    codes: [40010, 40051, 40101, 40113, 41000, 70001],
    kind: 'configuration',
    retryable: false,
    why: 'app credentials, domain or version',
  },
  {
    codes: [40100, 40016, 40132, 40133, 61000],
    kind: 'rate_limited',
    retryable: true,
    why: 'QPS/QPM/QPD, business frequency, field-value and advertiser-path limits (§8)',
  },
  {
    codes: [40102, 40103, 40104, 40105, 40106, 40107, 40110, 40112, 40114, 40115, 40116, 40131],
    kind: 'auth_invalid',
    retryable: false,
    why: 'token expired, empty, revoked, invalid for the user, logged out; code or signature invalid: reconnect',
  },
  {
    codes: [40013, 40118, 40119, 40300, 40301, 40302, 40309],
    kind: 'advertiser_unavailable',
    retryable: false,
    why: 'advertiser missing, deleted, not allowlisted, other company, role mismatch',
  },
  {
    codes: [40200, 40201, 40901],
    kind: 'not_ready',
    retryable: false,
    why: 'task not ready / video transcoding: poll later',
  },
  {
    codes: [40202, 40700, 40902, 40903, 40912, 40913, 40914],
    kind: 'transient',
    retryable: true,
    why: 'write conflict, internal RPC validation, media URL fetch failures',
  },
  {
    codes: range(50000, 59999),
    kind: 'transient',
    retryable: true,
    why: 'system, downstream, storage errors',
  },
  { codes: [60001], kind: 'transient', retryable: true, why: 'maintenance' },
];

export interface Classification {
  kind: TikTokErrorKind;
  retryable: boolean;
  field?: string | undefined;
  missingPermission?: string | undefined;
  rateLimit?: RateLimitSignal | undefined;
}

const matchesCode = (row: CatalogueRow, code: number): boolean =>
  'from' in row.codes ? code >= row.codes.from && code <= row.codes.to : row.codes.includes(code);

/** Classifies a non-zero envelope code, with the details its message carries. */
export function classifyEnvelopeError(code: number, message: string): Classification {
  const row = errorCatalogue.find(
    (candidate) => matchesCode(candidate, code) && (!candidate.message || candidate.message.test(message)),
  );
  if (!row) return { kind: 'unknown', retryable: false };
  return {
    kind: row.kind,
    retryable: row.retryable,
    field: row.kind === 'invalid_request' ? fieldOf(message) : undefined,
    missingPermission: row.kind === 'permission_denied' ? missingPermissionOf(message) : undefined,
    rateLimit: row.kind === 'rate_limited' ? rateLimitOf(code, message) : undefined,
  };
}

/** Reference §7: HTTP errors mean the call never reached the API layer; 429 and 5xx can pass on retry. */
export function classifyHttpStatus(status: number): Classification {
  if (status === 429)
    return { kind: 'rate_limited', retryable: true, rateLimit: { window: undefined, scope: 'app' } };
  if (status >= 500) return { kind: 'transient', retryable: true };
  return { kind: 'unexpected_response', retryable: false };
}

/** TikTok's validation messages read "field: message" (e.g. "budget: Missing data for required field."). */
function fieldOf(message: string): string | undefined {
  const prefix = /^([A-Za-z_][\w.[\]]*)\s*:/.exec(message)?.[1];
  if (prefix) return prefix;
  if (/invalid metric fields/i.test(message)) return 'metrics';
  return /\b(?:field|parameter)s?\s+[`'"]?([a-z_][a-z0-9_.]*)/i.exec(message)?.[1];
}

/** PostHog #82183: "advertiser does not grant you /file/video/ad/search/:GET permission". */
function missingPermissionOf(message: string): string | undefined {
  return /grant you (\S+) permission/i.exec(message)?.[1];
}

/** Reference §8: "App reaches the QPS limit." — the window is in the text; 40133/40132 are narrower scopes. */
function rateLimitOf(code: number, message: string): RateLimitSignal {
  const window = /\bQPD\b|per day|daily/i.test(message)
    ? 'day'
    : /\bQPM\b|per minute/i.test(message)
      ? 'minute'
      : /\bQPS\b|per second/i.test(message)
        ? 'second'
        : undefined;
  if (code === 40133) return { window: window ?? 'second', scope: 'advertiser' };
  if (code === 40132) return { window: window ?? 'second', scope: 'field' };
  return { window, scope: /limit of \//i.test(message) ? 'endpoint' : 'app' };
}
