import { csrfHeaderName } from '@whathead/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { constantTimeEqual, keyedHash, randomToken } from '../lib/secret-token.js';
import { cookieOptions, csrfCookie, sessionCookie } from './cookies.js';

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
  reply.setCookie(csrfCookie, token, cookieOptions(secure));
}

/**
 * Rejects a state-changing request unless it comes from our own origin and carries the token.
 * The origin check is a second wall: browsers send Origin on every cross-site POST.
 */
export function assertCsrf(request: FastifyRequest, secret: string, publicOrigin: string): void {
  if (!unsafeMethods.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`) {
    throw new AppError('csrf_rejected', 'This request came from another site and was refused.');
  }
  const header = request.headers[csrfHeaderName];
  const cookie = request.cookies[csrfCookie];
  const sessionToken = request.cookies[sessionCookie];
  if (
    typeof header !== 'string' ||
    !cookie ||
    !constantTimeEqual(header, cookie) ||
    !isValidCsrfToken(secret, header, sessionToken)
  ) {
    throw new AppError(
      'csrf_rejected',
      'Your session changed in another tab. Reload the page and try again.',
    );
  }
}
