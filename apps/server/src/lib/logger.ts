import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import { serializeError } from './error-serializer.js';

/** Query parameters and path segments that carry secrets and must never reach a log line. */
const secretQueryParameters = /([?&](?:code|auth_code|state|token|access_token|secret)=)[^&#]*/gi;
// Any spelling the router may accept: any case, and `;…` after the segment's name.
const secretPathSegments = /(\/(?:invitations|invite|password-resets|reset-password)(?:;[^/]*)?\/)[^/?#]+/gi;

/** The URL as the router reads it, percent-escapes undone, so `%70assword-resets` is caught too. */
function decoded(url: string): string {
  try {
    return decodeURI(url).replace(/%2f/gi, '/');
  } catch {
    // Not valid percent-encoding: nothing routed it, and it is redacted as written.
    return url;
  }
}

export const redactUrl = (url: string): string =>
  decoded(url).replace(secretQueryParameters, '$1[redacted]').replace(secretPathSegments, '$1[redacted]');

/** Field names whose values are secrets wherever they appear in a logged object. */
const secretKeys = [
  'password',
  'newPassword',
  'token',
  'secret',
  'app_secret',
  'access_token',
  'refresh_token',
  'auth_code',
  'cookie',
  'authorization',
  'sessionSecret',
  'tokenEncryptionKey',
  'csrfToken',
  'invitationToken',
];

/** Named paths, redacted by pino as each line is written (compiled once: cheap). */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["access-token"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...secretKeys,
];

const censor = '[redacted]';
const secretNames = new Set(
  [...secretKeys, 'access-token', 'x-csrf-token', 'set-cookie'].map((key) => key.toLowerCase()),
);
/** As deep as a logged object is walked for secret names (the line itself is depth 0). */
const deepest = 4;

/**
 * A logged object with every value under a secret name replaced, at any depth up to `deepest`;
 * the caller's objects are never changed (what holds a secret is copied). Only plain objects and
 * arrays are walked: class instances (a request, an error) reach the log through their own
 * serializers. This does what pino's wildcard paths (`*.token`, `*.*.token`) did, at a small
 * fraction of their cost on every request line.
 */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (depth > deepest || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, index) => {
      const clean = withoutSecrets(item, depth + 1);
      if (clean !== item) (copy ??= [...value])[index] = clean;
    });
    return copy ?? value;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const clean = secretNames.has(key.toLowerCase()) ? censor : withoutSecrets(item, depth + 1);
    if (clean !== item) (copy ??= { ...record })[key] = clean;
  }
  return copy ?? value;
}

/** How every Whathead logger redacts and serializes; where the lines go is the caller's choice (main.ts). */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor },
    formatters: { log: (object) => withoutSecrets(object) as Record<string, unknown> },
    serializers: {
      err: serializeError,
      // Only what helps an operator; never headers wholesale, never the raw URL.
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
