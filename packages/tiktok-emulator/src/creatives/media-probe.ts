import type { ByteSource } from './byte-source.js';
import { readIsoDimensions } from './iso-boxes.js';

// Reads format and size from the file itself, as TikTok does after an upload (reference §5:
// width/height/format/duration in the answer). Only what the limits need: PNG and JPEG images;
// MP4/MOV (ISO boxes) videos in detail, AVI and MPEG by signature. Probes read headers by
// position, never the whole file.

export interface ImageProbe {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

export async function probeImage(source: ByteSource): Promise<ImageProbe | undefined> {
  const start = await source.read(0, 24);
  if (start.length >= 24 && start.readUInt32BE(0) === 0x89504e47) {
    return { format: 'png', width: start.readUInt32BE(16), height: start.readUInt32BE(20) };
  }
  if (start.length >= 4 && start[0] === 0xff && start[1] === 0xd8) return readJpegFrame(source);
  return undefined;
}

/** Walks the JPEG segments to the first start-of-frame, which carries the size. */
async function readJpegFrame(source: ByteSource): Promise<ImageProbe | undefined> {
  let offset = 2;
  while (offset + 9 < source.size) {
    const segment = await source.read(offset, 9);
    if (segment[0] !== 0xff) return undefined;
    const marker = segment[1] ?? 0;
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { format: 'jpeg', height: segment.readUInt16BE(5), width: segment.readUInt16BE(7) };
    }
    offset += 2 + segment.readUInt16BE(2);
  }
  return undefined;
}

export interface VideoProbe {
  format: 'mp4' | 'mov' | 'avi' | 'mpeg';
  width: number | undefined;
  height: number | undefined;
  duration: number | undefined;
}

export async function probeVideo(source: ByteSource): Promise<VideoProbe | undefined> {
  const start = await source.read(0, 12);
  const unknownSize = { width: undefined, height: undefined, duration: undefined };
  if (start.length >= 12 && start.toString('latin1', 4, 8) === 'ftyp') {
    const brand = start.toString('latin1', 8, 12);
    return { format: brand === 'qt  ' ? 'mov' : 'mp4', ...unknownSize, ...(await readIsoDimensions(source)) };
  }
  if (
    start.length >= 12 &&
    start.toString('latin1', 0, 4) === 'RIFF' &&
    start.toString('latin1', 8, 11) === 'AVI'
  ) {
    return { format: 'avi', ...unknownSize };
  }
  if (start.length >= 4 && start.readUInt32BE(0) === 0x000001ba) return { format: 'mpeg', ...unknownSize };
  return undefined;
}
