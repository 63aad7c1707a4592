import type { FastifyInstance } from 'fastify';
import type { SessionService } from '../services/session.service.js';
import { sessionCookie } from './cookies.js';

/** Resolves the session cookie once per API request, before CSRF checks and handlers run. */
export function registerSessionContext(app: FastifyInstance, sessions: SessionService): void {
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookie];
    // A session token is 43 base64url characters; anything else cannot match and costs no query.
    if (token && /^[\w-]{43}$/.test(token)) request.session = await sessions.resolve(token);
  });
}
