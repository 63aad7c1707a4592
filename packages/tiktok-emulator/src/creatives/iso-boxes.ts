import type { ByteSource } from './byte-source.js';

// MP4/MOV (ISO base media file format, ISO/IEC 14496-12) keeps a video's size in the first track
// header with a non-zero size (`tkhd`) and its length in the movie header (`mvhd`). Both sit in
// `moov`, which may come before or after the media data, so the boxes are walked by their sizes
// rather than read from the start of the file.

export interface IsoDimensions {
  width: number | undefined;
  height: number | undefined;
  duration: number | undefined;
}

/** Boxes whose body is more boxes, on the way to `tkhd` and `mvhd`. */
const containers = new Set(['moov', 'trak']);

export async function readIsoDimensions(source: ByteSource): Promise<IsoDimensions> {
  const found: IsoDimensions = { width: undefined, height: undefined, duration: undefined };
  await walk(source, 0, source.size, found);
  return found;
}

async function walk(source: ByteSource, start: number, end: number, found: IsoDimensions): Promise<void> {
  let position = start;
  while (position + 8 <= end && (found.width === undefined || found.duration === undefined)) {
    const header = await source.read(position, 16);
    if (header.length < 8) return;
    const type = header.toString('latin1', 4, 8);
    let size = header.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1) {
      // A 64-bit size follows the type (large boxes such as a long `mdat`).
      if (header.length < 16) return;
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - position; // The box runs to the end of its parent.
    }
    if (size < headerSize) return;
    const body = position + headerSize;
    const boxEnd = Math.min(end, position + size);
    if (containers.has(type)) await walk(source, body, boxEnd, found);
    else if (type === 'tkhd' && found.width === undefined) await readTrackSize(source, body, boxEnd, found);
    else if (type === 'mvhd' && found.duration === undefined) await readDuration(source, body, boxEnd, found);
    position += size;
  }
}

/** Track width and height are 16.16 fixed point after the matrix; audio tracks have zero. */
async function readTrackSize(source: ByteSource, body: number, end: number, found: IsoDimensions) {
  const version = (await source.read(body, 1))[0];
  const offset = body + (version === 1 ? 88 : 76);
  if (offset + 8 > end) return;
  const size = await source.read(offset, 8);
  if (size.length < 8) return;
  const width = size.readUInt32BE(0) / 65536;
  const height = size.readUInt32BE(4) / 65536;
  if (width > 0 && height > 0) {
    found.width = Math.round(width);
    found.height = Math.round(height);
  }
}

/** Duration in seconds, to the millisecond: units over the timescale (32-bit, or 64-bit in version 1). */
async function readDuration(source: ByteSource, body: number, end: number, found: IsoDimensions) {
  const version = (await source.read(body, 1))[0];
  const long = version === 1;
  const timescaleAt = body + (long ? 20 : 12);
  if (timescaleAt + (long ? 12 : 8) > end) return;
  const fields = await source.read(timescaleAt, long ? 12 : 8);
  if (fields.length < (long ? 12 : 8)) return;
  const timescale = fields.readUInt32BE(0);
  const units = long ? Number(fields.readBigUInt64BE(4)) : fields.readUInt32BE(4);
  if (timescale > 0) found.duration = Math.round((units / timescale) * 1000) / 1000;
}
