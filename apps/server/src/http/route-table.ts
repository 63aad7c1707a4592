import type { FastifyInstance } from 'fastify';
import type { HttpMethod } from './route.js';

/**
 * Keeps the table of every route that declares its access (all API routes, through
 * `defineRoute`), so tests can walk what the server really serves instead of a list kept by hand.
 * Must be called before any route is registered.
 */
export function recordRouteTable(app: FastifyInstance): void {
  app.decorate('routeTable', []);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify adds a HEAD twin for every GET; it is the same route.
      if (method === 'HEAD') continue;
      app.routeTable.push({ method: method as HttpMethod, url: route.url, access });
    }
  });
}
