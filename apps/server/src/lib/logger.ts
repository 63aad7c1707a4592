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

export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["access-token"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...secretKeys,
  ...secretKeys.map((key) => `*.${key}`),
  ...secretKeys.map((key) => `*.*.${key}`),
];

/** How every Whathead logger redacts and serializes; where the lines go is the caller's choice (main.ts). */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
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
