import type { CurrentSession } from '../services/session.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's live session, resolved from the session cookie before any handler runs. */
    session: CurrentSession | undefined;
  }
}
