import type { CurrentSession } from '../services/session.service.js';
import type { RegisteredRoute, RouteAccess } from './route.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's live session, resolved from the session cookie before any handler runs. */
    session: CurrentSession | undefined;
  }
  interface FastifyContextConfig {
    /** What a route declares about its callers (http/route.ts); absent on non-API routes. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every route registered through `defineRoute`, as the authorization tests walk it. */
    routeTable: RegisteredRoute[];
  }
}
