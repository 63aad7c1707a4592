import type { FastifyInstance, FastifyRequest } from 'fastify';

// The text of a JSON body as it arrived, for fault rules that pick one call by what it carries
// (faults/fault-injector.ts `bodyContains`): a parsed object no longer holds its spelling.

const rawBodies = new WeakMap<FastifyRequest, string>();

/** Replaces Fastify's JSON parser by the same parser that also keeps the text it read. */
export function keepRawJsonBodies(app: FastifyInstance): void {
  // Fastify's own defaults for both: refuse `__proto__` and `constructor.prototype` keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    rawBodies.set(request, text);
    parseJson(request, text, done);
  });
}

/**
 * What a fault rule's `bodyContains` is matched against: the query string of a GET (both as sent
 * and decoded, so `Broken ad` matches `Broken%20ad`), the JSON text of a POST. A multipart upload
 * is read only later, by its handler, so it offers nothing to match.
 */
export function requestText(request: FastifyRequest, method: 'GET' | 'POST'): string {
  if (method === 'POST') return rawBodies.get(request) ?? '';
  const query = request.url.split('?').slice(1).join('?');
  return `${query}\n${decodeQuery(query)}`;
}

function decodeQuery(query: string): string {
  try {
    return decodeURIComponent(query.replace(/\+/g, ' '));
  } catch {
    return query;
  }
}
