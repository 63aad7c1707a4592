import { createHash } from 'node:crypto';
import type { TikTokClient } from '@whathead/tiktok-client';

/** A cover is a frame TikTok made: a few hundred kilobytes; more is not a cover. */
const coverBytesMaximum = 10 * 1024 * 1024;

/**
 * TikTok wants a cover image with a video ad (`image_ids`, reference §4.1) and has no field for
 * "the video's own cover": the cover TikTok made for the video (its info's `video_cover_url`) is
 * fetched and uploaded to the account's images, once per video. An image of the same bytes the
 * account already has is used instead (its signature is the MD5), so a rerun uploads nothing.
 */
export async function coversFor(
  tiktok: TikTokClient,
  call: { accessToken: string; advertiserId: string },
  videoIds: readonly string[],
): Promise<Map<string, string>> {
  const covers = new Map<string, string>();
  if (videoIds.length === 0) return covers;
  const videos = await tiktok.videos.getInfo({ ...call, videoIds });
  for (const video of videos) {
    if (!video.coverUrl) continue;
    const response = await fetch(video.coverUrl, { signal: AbortSignal.timeout(30_000) });
    if (!response.ok) continue;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength === 0 || bytes.byteLength > coverBytesMaximum) continue;
    const md5 = createHash('md5').update(bytes).digest('hex');
    const lookup = async () => {
      for await (const image of tiktok.images.list(call))
        if (image.signature?.toLowerCase() === md5) return image;
      return undefined;
    };
    const image =
      (await lookup()) ??
      (await tiktok.images.upload({
        ...call,
        file: { bytes, fileName: `cover-${video.videoId}-${md5.slice(0, 8)}.${extension(response)}` },
        idempotency: { lookup },
      }));
    covers.set(video.videoId, image.imageId);
  }
  return covers;
}

function extension(response: Response): string {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('png') ? 'png' : 'jpg';
}
