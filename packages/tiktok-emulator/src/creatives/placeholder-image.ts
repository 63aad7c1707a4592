import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

// A plain PNG (RFC 2083) drawn here, for what has no bytes of its own: a video's cover (TikTok's
// is a still image, never the video) and the seeded library items. Small on purpose: it fits in
// `longestSide` pixels at the item's aspect ratio, one colour picked from the item's id.

const longestSide = 256;
const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The placeholder's own size: the item's width × height scaled into `longestSide`. */
export function placeholderSize(width: number, height: number): { width: number; height: number } {
  const scale = longestSide / Math.max(width, height, 1);
  return {
    width: Math.max(1, Math.round(Math.max(width, 1) * scale)),
    height: Math.max(1, Math.round(Math.max(height, 1) * scale)),
  };
}

export function placeholderPng(itemId: string, width: number, height: number): Buffer {
  const size = placeholderSize(width, height);
  const [red = 0, green = 0, blue = 0] = createHash('md5').update(itemId).digest();
  const row = Buffer.alloc(1 + size.width * 3); // Filter byte 0 (none), then RGB pixels.
  for (let pixel = 0; pixel < size.width; pixel += 1) {
    // Kept in the middle of the range, so the placeholder reads as neither black nor white.
    row.writeUInt8(64 + (red >> 1), 1 + pixel * 3);
    row.writeUInt8(64 + (green >> 1), 2 + pixel * 3);
    row.writeUInt8(64 + (blue >> 1), 3 + pixel * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size.width, 0);
  header.writeUInt32BE(size.height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, adaptive filter, no interlace.
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size.height }, () => row)));
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND')]);
}

function chunk(type: string, body = Buffer.alloc(0)): Buffer {
  const typeAndBody = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndBody));
  return Buffer.concat([length, typeAndBody, checksum]);
}
