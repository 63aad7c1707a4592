import { open, stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';
import sharp from 'sharp';
import { mediaLimits, type ImageFormat, type MediaFacts, type VideoFormat } from './media-rules.js';

/** Why a file cannot be a creative at all, in words a person reads beside it. */
export interface UnreadableMedia {
  unreadable: 'empty' | 'not_media' | 'damaged';
  message: string;
}

const imageFormats: Record<string, ImageFormat> = { jpg: 'jpeg', png: 'png' };
// file-type names a container by its content: an MP4 whose brand is M4V is still an MP4.
const videoFormats: Record<string, VideoFormat> = {
  mp4: 'mp4',
  m4v: 'mp4',
  mov: 'mov',
  mpg: 'mpeg',
  avi: 'avi',
};

/** How much of a video file is read at a time while looking for its index. */
const chunkBytes = 1024 * 1024;
/**
 * The largest index read. A 10-minute video's is well under 1 MB; reading one takes some 300
 * bytes of memory per frame it lists, so a forged index of 100 MB would take gigabytes.
 */
const indexBytesAtMost = 2 * 1024 * 1024;
/** A movie holds a handful of top-level boxes; a file of millions of tiny ones is an attack. */
const topLevelBoxesAtMost = 1000;

/**
 * What a file on disk is, by its content alone: its kind and format, its size in bytes, and what
 * its header says of width, height and duration. A file that is empty, of another kind, or
 * damaged (an image that does not decode to the end, a video cut short or without its index)
 * answers why instead.
 */
export async function inspectMedia(path: string): Promise<MediaFacts | UnreadableMedia> {
  const { size } = await stat(path);
  if (size === 0) return { unreadable: 'empty', message: 'The file is empty.' };
  const type = await fileTypeFromFile(path);
  const image = type && imageFormats[type.ext];
  if (image) return inspectImage(path, image, size);
  const video = type && videoFormats[type.ext];
  if (video === 'mp4' || video === 'mov') return inspectMovie(path, video, size);
  // MPEG and AVI carry no index this reads; TikTok checks their picture after upload.
  if (video) return { kind: 'video', format: video, bytes: size };
  return {
    unreadable: 'not_media',
    message: `This is ${type ? `a ${type.ext.toUpperCase()} file` : 'not an image or a video'}, whatever its name says — TikTok takes JPG or PNG images and MP4, MOV, MPEG or AVI videos.`,
  };
}

async function inspectImage(path: string, format: ImageFormat, bytes: number) {
  try {
    // Decoding every pixel is what finds a truncated or corrupt image; the header alone reads fine.
    const image = sharp(path, { failOn: 'truncated', limitInputPixels: false });
    // The size as shown: a phone's portrait photo is often stored landscape, with an EXIF turn.
    const { width, height } = (await image.metadata()).autoOrient;
    if (!width || !height) return damaged('The image has no size in its header.');
    // An image past the pixel cap is refused by its header alone: decoding a small file that
    // claims a huge size would take the memory it claims.
    if (width * height <= mediaLimits.imagePixels) await image.stats();
    return { kind: 'image' as const, format, bytes, width, height };
  } catch {
    return damaged(`The ${format === 'png' ? 'PNG' : 'JPG'} is damaged or incomplete and cannot be read.`);
  }
}

/**
 * An MP4 or MOV file's index (`moov`), read as the parser asks for it: it names the next offset it
 * needs, so a multi-gigabyte `mdat` before the index is skipped, never read.
 */
async function inspectMovie(
  path: string,
  format: 'mp4' | 'mov',
  bytes: number,
): Promise<MediaFacts | UnreadableMedia> {
  const file = createFile();
  let movie: Movie | undefined;
  let failure: string | undefined;
  file.onReady = (info) => {
    movie = info;
  };
  file.onError = (_module, message) => {
    failure = message;
  };
  const handle = await open(path, 'r');
  const noun = format === 'mov' ? 'MOV' : 'MP4';
  let oversized = false;
  try {
    let position = 0;
    while (!movie && !failure && position < bytes) {
      let length = Math.min(chunkBytes, bytes - position);
      // Once the index has begun (at lastBoxStartPosition), none of it past the cap is read.
      if (file.moovStartFound)
        length = Math.min(length, file.lastBoxStartPosition + indexBytesAtMost - position);
      if (length <= 0 || file.boxes.length > topLevelBoxesAtMost) {
        oversized = true;
        break;
      }
      const buffer = new MP4BoxBuffer(length);
      const { bytesRead } = await handle.read(new Uint8Array(buffer), 0, buffer.byteLength, position);
      if (bytesRead === 0) break;
      buffer.fileStart = position;
      const next = file.appendBuffer(buffer, position + bytesRead >= bytes);
      position = next > position ? next : position + bytesRead;
    }
    file.flush();
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    await handle.close();
  }
  if (oversized) return damaged(`The ${noun} is damaged: its structure is far larger than any video’s.`);
  if (failure || !movie?.hasMoov)
    return damaged(`The ${noun} is damaged or incomplete: it has no index of its frames.`);
  if (endOfBoxes(file) > bytes)
    return damaged(
      `The ${noun} is cut short: it ends before its last frames (an upload or copy that did not finish?).`,
    );
  const track = movie.videoTracks[0];
  if (!track) return damaged(`The ${noun} has no video track.`);
  // The track header's size, or where an encoder left it zero, the sample description's.
  const [width, height] = displaySize(
    track.track_width || (track.video?.width ?? 0),
    track.track_height || (track.video?.height ?? 0),
    track.matrix,
  );
  if (!width || !height) return damaged(`The ${noun}’s video has no size in its header.`);
  const durationSeconds = movie.timescale > 0 ? movie.duration / movie.timescale : undefined;
  return { kind: 'video', format, bytes, width, height, durationSeconds };
}

/** Where the file's last top-level box says it ends. */
function endOfBoxes(file: ReturnType<typeof createFile>): number {
  let end = 0;
  for (const box of file.boxes) end = Math.max(end, (box.start ?? 0) + (box.size ?? 0));
  return end;
}

/**
 * A phone's portrait video is often stored 1920×1080 with a quarter turn in its matrix: the size
 * a viewer sees is the turned one, and that is what TikTok's ratio rule reads.
 */
function displaySize(width: number, height: number, matrix: ArrayLike<number>): [number, number] {
  const [a, b] = [matrix[0] ?? 0, matrix[1] ?? 0];
  const quarterTurn = a === 0 && b !== 0;
  const [across, down] = [Math.round(width), Math.round(height)];
  return quarterTurn ? [down, across] : [across, down];
}

const damaged = (message: string): UnreadableMedia => ({ unreadable: 'damaged', message });

export const isUnreadable = (result: MediaFacts | UnreadableMedia): result is UnreadableMedia =>
  'unreadable' in result;
