import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

/**
 * `/healthz`: the process is up (for restarts). `/readyz`: it can serve, i.e. reach its database
 * (for load balancers). Neither touches a session.
 */
export function registerHealthRoutes(app: FastifyInstance, readiness: () => Promise<void>): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request) => {
    try {
      await readiness();
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'not ready');
      throw new AppError('unavailable', 'The database is not reachable.');
    }
  });
}
