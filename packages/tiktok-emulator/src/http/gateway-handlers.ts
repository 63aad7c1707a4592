import type { FastifyError, FastifyInstance } from 'fastify';
import type { EmulatorRuntime } from '../runtime.js';
import { apiPrefix } from './api-router.js';
import type { Endpoint } from './define-endpoint.js';
import { failureEnvelope } from './envelope.js';
import { gatewayPages } from './gateway-pages.js';

/** Unknown paths, wrong methods and unreadable bodies, answered as TikTok's gateway does. */
export function registerGatewayHandlers(
  app: FastifyInstance,
  runtime: EmulatorRuntime,
  endpoints: Endpoint[],
): void {
  const knownPaths = new Set(endpoints.map((endpoint) => `${apiPrefix}${endpoint.path}`));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Correction 12: a known path with the wrong method is a bare 405 page; anything else is 404.
    const status = knownPaths.has(path) ? 405 : 404;
    if (path.startsWith('/open_api/')) {
      runtime.calls.record({
        time: runtime.clock.now(),
        method: request.method,
        path: path.slice(apiPrefix.length),
        query: {},
        appId: undefined,
        advertiserId: undefined,
        httpStatus: status,
        code: undefined,
        requestId: undefined,
        fault: undefined,
        durationMilliseconds: 0,
      });
    }
    return reply.code(status).type('text/html').send(gatewayPages[status]);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (request.url.startsWith('/open_api/') && status < 500) {
      // A body TikTok cannot read reaches the API layer as a parameter error (reference §7, 40002).
      // Like every API answer, it carries the request id in X-Tt-Logid (reference §0).
      const requestId = runtime.ids.requestId(runtime.clock.now());
      return reply
        .code(200)
        .header('x-tt-logid', requestId)
        .send(failureEnvelope(requestId, 40002, `Invalid request body: ${error.message}`));
    }
    request.log.error(error);
    return reply
      .code(status)
      .type('text/html')
      .send(gatewayPages[status >= 500 ? 500 : 404]);
  });
}
