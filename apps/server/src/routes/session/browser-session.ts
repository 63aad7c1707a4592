import type { SessionResponse } from '@whathead/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieNames, cookieOptions } from '../../http/cookies.js';
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
  /** After a log-in: the hash the password was checked against (SessionService.start). */
  checkedPasswordHash?: string,
): Promise<SessionResponse> {
  const { token, expiresAt } = await context.services.sessions.start(
    userId,
    workspaceId,
    checkedPasswordHash,
  );
  reply.setCookie(
    cookieNames(context.secureCookies).session,
    token,
    cookieOptions(context.secureCookies, context.services.sessions.secondsLeft({ expiresAt })),
  );
  const csrfToken = issueCsrfToken(context.sessionSecret, token);
  setCsrfCookie(reply, csrfToken, context.secureCookies);
  const session = await context.services.sessions.resolve(token);
  return context.services.sessions.describe(session, csrfToken);
}

/**
 * The session as the browser should see it now. The CSRF token stays the same while it is valid
 * for this session, so several tabs of one browser do not invalidate each other's token. A
 * request that changed no membership passes `workspacesAsResolved` and is answered with the
 * workspaces read with its session, without reading them again.
 */
export async function describeBrowserSession(
  context: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { workspacesAsResolved?: boolean } = {},
): Promise<SessionResponse> {
  const names = cookieNames(context.secureCookies);
  // A cookie whose session is gone (expired, secret rotated, user deleted) is cleared, or the
  // browser could neither log in nor log out with the anonymous token it is given.
  if (request.cookies[names.session] && !request.session) {
    reply.clearCookie(names.session, cookieOptions(context.secureCookies));
  }
  const sessionToken = request.session ? request.cookies[names.session] : undefined;
  const current = request.cookies[names.csrf];
  const csrfToken =
    current && isValidCsrfToken(context.sessionSecret, current, sessionToken)
      ? current
      : issueCsrfToken(context.sessionSecret, sessionToken);
  if (csrfToken !== current) setCsrfCookie(reply, csrfToken, context.secureCookies);
  return context.services.sessions.describe(request.session, csrfToken, options);
}

/** Forgets the session cookie and answers with the anonymous session, with a fresh anonymous CSRF token. */
export function endBrowserSession(context: RouteContext, reply: FastifyReply): Promise<SessionResponse> {
  reply.clearCookie(cookieNames(context.secureCookies).session, cookieOptions(context.secureCookies));
  const csrfToken = issueCsrfToken(context.sessionSecret, undefined);
  setCsrfCookie(reply, csrfToken, context.secureCookies);
  return context.services.sessions.describe(undefined, csrfToken);
}
