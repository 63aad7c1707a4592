import type { FastifyInstance } from 'fastify';
import type { EmulatorRuntime } from '../runtime.js';

/** Serves uploaded bytes back at the `image_url` / `preview_url` the API answered, for offline previews. */
export function registerMediaRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  app.get('/media/:mediaId', (request, reply) => {
    const media = runtime.store.media.get((request.params as { mediaId: string }).mediaId);
    if (!media) return reply.code(404).type('text/plain').send('Not found');
    return reply.type(media.mimeType).send(media.bytes);
  });
}
