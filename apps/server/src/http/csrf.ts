import { csrfHeaderName } from '@whathead/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { constantTimeEqual, keyedHash, randomToken } from '../lib/secret-token.js';
import { cookieNames, cookieOptions } from './cookies.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signed double-submit tokens (OWASP CSRF cheat sheet): the token is a nonce plus an HMAC that
 * binds it to the current session cookie, sent both as a cookie and in a header. A cross-site
 * page can neither read the token nor plant one valid for the victim's session.
 */
export function issueCsrfToken(secret: string, sessionToken: string | undefined): string {
  const nonce = randomToken(16);
  return `${nonce}.${keyedHash(secret, `csrf:${nonce}:${sessionToken ?? 'anonymous'}`)}`;
}

export function isValidCsrfToken(secret: string, token: string, sessionToken: string | undefined): boolean {
  const [nonce, signature] = token.split('.');
  if (!nonce || !signature) return false;
  return constantTimeEqual(signature, keyedHash(secret, `csrf:${nonce}:${sessionToken ?? 'anonymous'}`));
}

export function setCsrfCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(cookieNames(secure).csrf, token, cookieOptions(secure));
}

export interface CsrfSettings {
  secret: string;
  secure: boolean;
  /** Origins whose pages may send state-changing requests: ours (and Vite's dev server in development). */
  allowedOrigins: ReadonlySet<string>;
}

/**
 * Rejects a state-changing request unless it comes from an allowed origin and carries the token
 * bound to its live session (an anonymous token when it has none). The origin check is a second
 * wall: browsers send Origin on every cross-site POST.
 */
export function assertCsrf(request: FastifyRequest, settings: CsrfSettings): void {
  if (!unsafeMethods.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined && !settings.allowedOrigins.has(origin)) {
    throw new AppError('csrf_rejected', 'This request came from another site and was refused.');
  }
  const names = cookieNames(settings.secure);
  const header = request.headers[csrfHeaderName];
  const cookie = request.cookies[names.csrf];
  // A cookie of a session that no longer exists counts as no session, as GET /api/session does.
  const sessionToken = request.session ? request.cookies[names.session] : undefined;
  if (
    typeof header !== 'string' ||
    !cookie ||
    !constantTimeEqual(header, cookie) ||
    !isValidCsrfToken(settings.secret, header, sessionToken)
  ) {
    throw new AppError(
      'csrf_rejected',
      'Your session changed in another tab. Reload the page and try again.',
    );
  }
}
