import type { FastifyInstance } from 'fastify';
import type { RegisteredRoute } from './route.js';

/**
 * Keeps the table of every API route and what it declares about its callers, so tests walk what
 * the server really serves instead of a list kept by hand. An API route registered without
 * `defineRoute` is in it too, with no access, which the authorization test refuses. Must be
 * called before any route is registered.
 */
export function recordRouteTable(app: FastifyInstance): void {
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access && !route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify adds a HEAD twin for every GET; it is the same route.
      if (method === 'HEAD') continue;
      app.routeTable.push({ method: method as RegisteredRoute['method'], url: route.url, access });
    }
  });
}
