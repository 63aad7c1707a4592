import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import { pageSchema, type Page } from '../../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from '../call-input.js';
import { imageSchema, videoSchema, type Image, type Video } from './media-schemas.js';

export interface MediaFiltering {
  materialIds?: string[] | undefined;
  width?: number | undefined;
  height?: number | undefined;
  /** Width ÷ height, matched within ±0.05 (reference §5). */
  ratio?: number[] | undefined;
}

export interface SearchImagesInput extends AdvertiserCall, PageRequest {
  filtering?: (MediaFiltering & { imageIds?: string[] | undefined }) | undefined;
}

export interface SearchVideosInput extends AdvertiserCall, PageRequest {
  filtering?:
    (MediaFiltering & { videoIds?: string[] | undefined; displayable?: boolean | undefined }) | undefined;
}

/** Reference §5: page_size default 20, at most 100. */
export const mediaPageSize = 100;

const wireFiltering = (filtering: MediaFiltering) => ({
  material_ids: filtering.materialIds,
  width: filtering.width,
  height: filtering.height,
  ratio: filtering.ratio,
});

/** GET /file/image/ad/search/ (reference §5: not in the SDK; permission 600 lists it). */
export const searchImages =
  (transport: Transport) =>
  ({
    accessToken,
    advertiserId,
    filtering,
    page = 1,
    pageSize = mediaPageSize,
    signal,
  }: SearchImagesInput): Promise<Page<Image>> =>
    transport.send({
      method: 'GET',
      path: '/file/image/ad/search/',
      effect: 'read',
      schema: pageSchema(imageSchema),
      accessToken,
      advertiserId,
      query: {
        advertiser_id: advertiserId,
        filtering: filtering && { ...wireFiltering(filtering), image_ids: filtering.imageIds },
        page,
        page_size: pageSize,
      },
      signal,
    });

/** GET /file/video/ad/search/ (reference §5). */
export const searchVideos =
  (transport: Transport) =>
  ({
    accessToken,
    advertiserId,
    filtering,
    page = 1,
    pageSize = mediaPageSize,
    signal,
  }: SearchVideosInput): Promise<Page<Video>> =>
    transport.send({
      method: 'GET',
      path: '/file/video/ad/search/',
      effect: 'read',
      schema: pageSchema(videoSchema),
      accessToken,
      advertiserId,
      query: {
        advertiser_id: advertiserId,
        filtering: filtering && {
          ...wireFiltering(filtering),
          video_ids: filtering.videoIds,
          displayable: filtering.displayable,
        },
        page,
        page_size: pageSize,
      },
      signal,
    });

export const listImages =
  (transport: Transport) =>
  (input: Omit<SearchImagesInput, 'page'>): AsyncGenerator<Image> =>
    iteratePages((page) => searchImages(transport)({ ...input, page }));

export const listVideos =
  (transport: Transport) =>
  (input: Omit<SearchVideosInput, 'page'>): AsyncGenerator<Video> =>
    iteratePages((page) => searchVideos(transport)({ ...input, page }));
