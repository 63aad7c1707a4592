import type { Image, TikTokClient, Video } from '@whathead/tiktok-client';
import type { LibraryItem, TikTokMediaRepository } from '../../repositories/media/tiktok-media.repository.js';
import { tiktokTime } from '../tiktok-entity-mapping.js';

/** Items written at a time: one search page's worth (reference §5: at most 100 a page). */
const itemsPerWrite = 100;

export interface LibrarySyncContext {
  tiktok: TikTokClient;
  library: TikTokMediaRepository;
  workspaceId: string;
  advertiserId: string;
  accessToken: string;
  now: () => Date;
}

/**
 * One account's library read in full from TikTok's searches, images then videos, each kind's
 * items that TikTok no longer lists removed once that kind was listed to its end. A pass that
 * fails midway removes nothing: the items written are TikTok's newer truth.
 */
export async function syncAccountLibrary(
  context: LibrarySyncContext,
): Promise<{ images: number; videos: number; removed: number }> {
  const account = { accessToken: context.accessToken, advertiserId: context.advertiserId };
  const images = await syncKind(context, 'image', context.tiktok.images.list(account), libraryImage);
  const videos = await syncKind(context, 'video', context.tiktok.videos.list(account), libraryVideo);
  return { images: images.listed, videos: videos.listed, removed: images.removed + videos.removed };
}

async function syncKind<Listed>(
  context: LibrarySyncContext,
  kind: LibraryItem['kind'],
  listing: AsyncIterable<Listed>,
  itemOf: (listed: Listed) => LibraryItem,
): Promise<{ listed: number; removed: number }> {
  const { library, workspaceId, advertiserId } = context;
  const listedFrom = context.now();
  let batch: LibraryItem[] = [];
  let listed = 0;
  const write = async () => {
    await library.upsert(workspaceId, advertiserId, batch, context.now());
    listed += batch.length;
    batch = [];
  };
  for await (const each of listing) {
    batch.push(itemOf(each));
    if (batch.length >= itemsPerWrite) await write();
  }
  await write();
  const removed = await library.removeUnlisted(workspaceId, advertiserId, kind, listedFrom);
  return { listed, removed };
}

/** TikTok's image as the library keeps it. */
export function libraryImage(image: Image): LibraryItem {
  return {
    kind: 'image',
    mediaId: image.imageId,
    materialId: image.materialId ?? null,
    fileName: image.fileName ?? null,
    signature: image.signature?.toLowerCase() ?? null,
    format: image.format ?? null,
    width: image.width ?? null,
    height: image.height ?? null,
    bytes: image.sizeBytes ?? null,
    durationSeconds: null,
    url: image.imageUrl ?? null,
    coverUrl: null,
    urlExpiresAt: null,
    displayable: image.displayable ?? null,
    tiktokCreatedAt: tiktokTime(image.createTime),
  };
}

/** TikTok's video as the library keeps it, with when its preview link expires (reference §10). */
export function libraryVideo(video: Video): LibraryItem {
  return {
    kind: 'video',
    mediaId: video.videoId,
    materialId: video.materialId ?? null,
    fileName: video.fileName ?? null,
    signature: video.signature?.toLowerCase() ?? null,
    format: video.format ?? null,
    width: video.width ?? null,
    height: video.height ?? null,
    bytes: video.sizeBytes ?? null,
    durationSeconds: video.durationSeconds ?? null,
    url: video.previewUrl ?? null,
    coverUrl: video.coverUrl ?? null,
    urlExpiresAt: tiktokTime(video.previewUrlExpireTime),
    displayable: video.displayable ?? null,
    tiktokCreatedAt: tiktokTime(video.createTime),
  };
}
