import { writeFile } from 'node:fs/promises';
import { createFile } from 'mp4box';
import sharp from 'sharp';

/**
 * Real media files for tests and benchmarks, made by the same libraries that read them elsewhere
 * (sharp encodes the images; mp4box writes the MP4s), so a test never leans on hand-laid bytes.
 */

/** A PNG or JPEG of `width`×`height`, its pixels a gradient so that it compresses like a photo. */
export async function sampleImage(options: {
  width: number;
  height: number;
  format: 'png' | 'jpeg';
  /** Makes images of one size differ in their bytes. */
  seed?: number;
}): Promise<Buffer> {
  const { width, height, seed = 0 } = options;
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < width * height; index += 1) {
    pixels[index * 3] = (index % width) + seed;
    pixels[index * 3 + 1] = Math.floor(index / width) + seed * 7;
    pixels[index * 3 + 2] = seed * 13;
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return options.format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 80 }).toBuffer();
}

/** An H.264-labelled MP4 of `width`×`height` and `seconds`, its frames filler of `bytesPerSecond`. */
export function sampleVideo(options: {
  width: number;
  height: number;
  seconds: number;
  bytesPerSecond?: number;
  /** The track's matrix turns it a quarter, as a phone stores a portrait video. */
  quarterTurn?: boolean;
  seed?: number;
}): Uint8Array {
  const { width, height, seconds, bytesPerSecond = 4_000, seed = 0 } = options;
  const file = createFile();
  // An avcC record with no parameter sets: enough for a container reader, never decoded.
  const decoderConfiguration = new Uint8Array([1, 0x64, 0, 0x1f, 0xff, 0xe0, 0]).buffer;
  const milliseconds = Math.round(seconds * 1000);
  const track = file.addTrack({
    width,
    height,
    timescale: 1000,
    duration: milliseconds,
    type: 'avc1',
    avcDecoderConfigRecord: decoderConfiguration,
  });
  if (options.quarterTurn) {
    const header = file.getTrackById(track).tkhd;
    header.matrix = [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000];
  }
  const frames = Math.max(1, Math.ceil(seconds));
  for (let frame = 0; frame < frames; frame += 1) {
    const frameMilliseconds = Math.min(1000, milliseconds - frame * 1000);
    const data = new Uint8Array(Math.max(1, Math.round((bytesPerSecond * frameMilliseconds) / 1000)));
    data.fill((seed + frame) % 256);
    file.addSample(track, data, { duration: frameMilliseconds, is_sync: true });
  }
  return new Uint8Array(file.getBuffer().buffer as ArrayBuffer);
}

/** Writes `bytes` to `path` and answers the path. */
export async function writeSample(path: string, bytes: Uint8Array): Promise<string> {
  await writeFile(path, bytes);
  return path;
}
