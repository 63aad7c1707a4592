import { batchLimits, splitIntoBatches } from '../../pagination/split-into-batches.js';
import type { Transport } from '../../transport/create-transport.js';
import { listSchema } from '../../transport/wire-schemas.js';
import type { AdvertiserCall } from '../call-input.js';
import { imageSchema, videoSchema, type Image, type Video } from './media-schemas.js';

/** GET /file/image/ad/info/ for any number of ids, 100 per call (reference §5). */
export const getImageInfo =
  (transport: Transport) =>
  async ({
    accessToken,
    advertiserId,
    imageIds,
    signal,
  }: AdvertiserCall & { imageIds: readonly string[] }): Promise<Image[]> => {
    const images: Image[] = [];
    for (const batch of splitIntoBatches(imageIds, batchLimits.imageInfo)) {
      images.push(
        ...(await transport.send({
          method: 'GET',
          path: '/file/image/ad/info/',
          effect: 'read',
          schema: listSchema(imageSchema),
          accessToken,
          advertiserId,
          query: { advertiser_id: advertiserId, image_ids: batch },
          signal,
        })),
      );
    }
    return images;
  };

/** GET /file/video/ad/info/ for any number of ids, 60 per call (reference §5). */
export const getVideoInfo =
  (transport: Transport) =>
  async ({
    accessToken,
    advertiserId,
    videoIds,
    signal,
  }: AdvertiserCall & { videoIds: readonly string[] }): Promise<Video[]> => {
    const videos: Video[] = [];
    for (const batch of splitIntoBatches(videoIds, batchLimits.videoInfo)) {
      videos.push(
        ...(await transport.send({
          method: 'GET',
          path: '/file/video/ad/info/',
          effect: 'read',
          schema: listSchema(videoSchema),
          accessToken,
          advertiserId,
          query: { advertiser_id: advertiserId, video_ids: batch },
          signal,
        })),
      );
    }
    return videos;
  };
