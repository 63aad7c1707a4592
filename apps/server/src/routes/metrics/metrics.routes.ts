import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { Metrics } from '../../observability/metrics.js';
import { metricsAccess, type MetricsAccessRule } from './metrics-access.js';

/**
 * `GET /metrics`, Prometheus's text format. A plain Fastify route, not `defineRoute`: its caller
 * is a scraper holding a bearer token or sitting on this machine, never a session, so none of the
 * API's access levels describe it, and it answers text rather than JSON. Being outside /api, it
 * stays out of the route table the authorization matrix walks; metrics.routes.test.ts holds it to
 * its own rule (metrics-access.ts), which each listener chooses: PORT asks for METRICS_TOKEN
 * always, METRICS_PORT serves this machine without one.
 */
export function registerMetricsRoutes(
  app: FastifyInstance,
  options: MetricsAccessRule & { metrics: Metrics },
): void {
  app.get('/metrics', async (request, reply) => {
    const access = metricsAccess(
      { headers: request.headers, socketAddress: request.socket.remoteAddress },
      options,
    );
    if (access === 'token_required') {
      // RFC 6750 §3: a bearer-protected resource names its scheme when refusing.
      reply.header('www-authenticate', 'Bearer realm="whathead-metrics"');
      throw new AppError('unauthenticated', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.');
    }
    // 403, not 401: no credential could help while METRICS_TOKEN is unset, and the operator learns
    // what to change.
    if (access === 'token_not_set') {
      throw new AppError(
        'forbidden',
        'Metrics on this port need METRICS_TOKEN: set it and send Authorization: Bearer <METRICS_TOKEN>, or scrape METRICS_PORT from this machine (set METRICS_PORT if it is unset).',
      );
    }
    if (access === 'remote_refused') {
      throw new AppError(
        'forbidden',
        'Metrics on METRICS_PORT are served to this machine only, never through a proxy. Set METRICS_TOKEN to scrape them from elsewhere.',
      );
    }
    const { contentType, body } = await options.metrics.render();
    return reply.type(contentType).send(body);
  });
}
