import type { SessionResponse } from '@whathead/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieOptions, csrfCookie, sessionCookie } from '../../http/cookies.js';
import { isValidCsrfToken, issueCsrfToken, setCsrfCookie } from '../../http/csrf.js';
import type { RouteContext } from '../route-context.js';

/**
 * Starts a session after sign-up or log-in: a fresh session cookie (never reusing one the
 * browser brought, against fixation) and a CSRF token bound to it.
 */
export async function startBrowserSession(
  context: RouteContext,
  reply: FastifyReply,
  userId: string,
  workspaceId: string | null,
): Promise<SessionResponse> {
  const { token, expiresAt } = await context.services.sessions.start(userId, workspaceId);
  const maxAge = Math.floor((expiresAt.getTime() - Date.now()) / 1000);
  reply.setCookie(sessionCookie, token, cookieOptions(context.secureCookies, maxAge));
  const csrfToken = issueCsrfToken(context.sessionSecret, token);
  setCsrfCookie(reply, csrfToken, context.secureCookies);
  const session = await context.services.sessions.resolve(token);
  return context.services.sessions.describe(session, csrfToken);
}

/**
 * The session as the browser should see it now. The CSRF token stays the same while it is valid
 * for this session, so several tabs of one browser do not invalidate each other's token.
 */
export async function describeBrowserSession(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionResponse> {
  const sessionToken = request.session ? request.cookies[sessionCookie] : undefined;
  const current = request.cookies[csrfCookie];
  const csrfToken =
    current && isValidCsrfToken(context.sessionSecret, current, sessionToken)
      ? current
      : issueCsrfToken(context.sessionSecret, sessionToken);
  if (csrfToken !== current) setCsrfCookie(reply, csrfToken, context.secureCookies);
  return context.services.sessions.describe(request.session, csrfToken);
}

/** Forgets the session cookie and answers with the anonymous session, with a fresh anonymous CSRF token. */
export function endBrowserSession(context: RouteContext, reply: FastifyReply): Promise<SessionResponse> {
  reply.clearCookie(sessionCookie, cookieOptions(context.secureCookies));
  const csrfToken = issueCsrfToken(context.sessionSecret, undefined);
  setCsrfCookie(reply, csrfToken, context.secureCookies);
  return context.services.sessions.describe(undefined, csrfToken);
}
