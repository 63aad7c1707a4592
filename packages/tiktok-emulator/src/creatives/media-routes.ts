import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorRuntime } from '../runtime.js';
import { sendFile } from './file-reply.js';
import { placeholderPng } from './placeholder-image.js';

/**
 * Serves the library at the `image_url`, `preview_url` and `video_cover_url` the API answered, so
 * previews work offline. Uploads stream from the emulator's media directory; what has no bytes of
 * its own (a cover, a seeded image) is a generated placeholder image of the item's shape.
 */
export function registerMediaRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  app.get('/media/:mediaId', async (request, reply) => {
    const { mediaId } = request.params as { mediaId: string };
    const { cover } = request.query as { cover?: string };
    const { videos, images, media } = runtime.store;
    const video = videos.get(mediaId);
    // Reference §5: `video_cover_url` is a still image, never the video itself.
    if (video && cover !== undefined) return sendPlaceholder(reply, mediaId, video);
    const stored = media.get(mediaId);
    if (stored) return sendFile(request, reply, stored);
    const image = images.get(mediaId);
    if (image) return sendPlaceholder(reply, mediaId, image);
    // An identity's default avatar and an app's icon: squares with no bytes of their own.
    if (runtime.store.identities.has(mediaId) || runtime.store.promotedApps.has(mediaId))
      return sendPlaceholder(reply, mediaId, { width: 1, height: 1 });
    // A seeded video has no bytes to play (no encoder here), so its preview answers as TikTok's
    // CDN does for an expired link.
    return reply.code(404).type('text/plain').send('Not found');
  });
}

function sendPlaceholder(
  reply: FastifyReply,
  mediaId: string,
  item: { width: number; height: number },
): FastifyReply {
  return reply.type('image/png').send(placeholderPng(mediaId, item.width, item.height));
}
