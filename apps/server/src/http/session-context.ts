import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionService } from '../services/session.service.js';
import { cookieNames, cookieOptions } from './cookies.js';

/**
 * Whether the request was routed to an API route. Decided on the matched route, not the raw URL:
 * the router decodes `/%61pi/…` to `/api/…`, and a raw-URL check would let such a request skip
 * the session and CSRF checks.
 */
export const isApiRoute = (request: FastifyRequest): boolean =>
  request.routeOptions.url?.startsWith('/api/') ?? false;

/**
 * Resolves the session cookie once per API request, before CSRF checks and handlers run, and
 * renews the cookie when the session slid forward, so an active user stays logged in.
 */
export function registerSessionContext(
  app: FastifyInstance,
  sessions: SessionService,
  secure: boolean,
): void {
  const names = cookieNames(secure);
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRoute(request)) return;
    const token = request.cookies[names.session];
    // A session token is 43 base64url characters; anything else cannot match and costs no query.
    if (!token || !/^[\w-]{43}$/.test(token)) return;
    request.session = await sessions.resolve(token);
    if (request.session?.renewed) {
      reply.setCookie(names.session, token, cookieOptions(secure, sessions.secondsLeft(request.session)));
    }
  });
}
