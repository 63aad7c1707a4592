import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendNotFound } from './error-handler.js';

/**
 * Serves the built web app and answers any other GET that accepts HTML with its index.html, so
 * the browser router owns paths like /campaigns. API paths never fall through to it.
 */
export async function registerWebApp(app: FastifyInstance, root: string | undefined): Promise<void> {
  const built = root !== undefined && existsSync(path.join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: path.resolve(root),
      wildcard: false,
      index: false,
      // Hashed asset names change with content, so they can be cached for good; index.html never is.
      setHeaders: (reply, filePath) => {
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!wantsPage || isApi) return sendNotFound(reply);
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web app has not been built. Run `npm run build` (npm start does this for you).');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
