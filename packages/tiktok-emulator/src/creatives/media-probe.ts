// Reads format and size from the bytes themselves, as TikTok does after an upload (reference §5:
// width/height/format/duration in the answer). Only what the limits need: PNG and JPEG images;
// MP4/MOV (ISO boxes) videos in detail, AVI and MPEG by signature.

export interface ImageProbe {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

export function probeImage(bytes: Buffer): ImageProbe | undefined {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { format: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined;
      const marker = bytes[offset + 1] ?? 0;
      const length = bytes.readUInt16BE(offset + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return {
          format: 'jpeg',
          height: bytes.readUInt16BE(offset + 5),
          width: bytes.readUInt16BE(offset + 7),
        };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}

export interface VideoProbe {
  format: 'mp4' | 'mov' | 'avi' | 'mpeg';
  width: number | undefined;
  height: number | undefined;
  duration: number | undefined;
}

export function probeVideo(bytes: Buffer): VideoProbe | undefined {
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp') {
    const brand = bytes.toString('latin1', 8, 12);
    return { format: brand === 'qt  ' ? 'mov' : 'mp4', ...readIsoDimensions(bytes) };
  }
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 11) === 'AVI'
  ) {
    return { format: 'avi', width: undefined, height: undefined, duration: undefined };
  }
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x000001ba) {
    return { format: 'mpeg', width: undefined, height: undefined, duration: undefined };
  }
  return undefined;
}

function readIsoDimensions(bytes: Buffer): {
  width: number | undefined;
  height: number | undefined;
  duration: number | undefined;
} {
  let width: number | undefined;
  let height: number | undefined;
  let duration: number | undefined;
  for (
    let index = bytes.indexOf('tkhd', 0, 'latin1');
    index >= 0;
    index = bytes.indexOf('tkhd', index + 4, 'latin1')
  ) {
    const body = index + 4;
    const offset = body + (bytes[body] === 1 ? 88 : 76);
    if (offset + 8 > bytes.length) break;
    const trackWidth = bytes.readUInt32BE(offset) / 65536;
    const trackHeight = bytes.readUInt32BE(offset + 4) / 65536;
    if (trackWidth > 0 && trackHeight > 0) {
      width = Math.round(trackWidth);
      height = Math.round(trackHeight);
      break;
    }
  }
  const movieHeader = bytes.indexOf('mvhd', 0, 'latin1');
  if (movieHeader >= 0) {
    const body = movieHeader + 4;
    const long = bytes[body] === 1;
    const timescaleAt = body + (long ? 20 : 12);
    if (timescaleAt + (long ? 12 : 8) <= bytes.length) {
      const timescale = bytes.readUInt32BE(timescaleAt);
      const units = long
        ? Number(bytes.readBigUInt64BE(timescaleAt + 4))
        : bytes.readUInt32BE(timescaleAt + 4);
      if (timescale > 0) duration = Math.round((units / timescale) * 1000) / 1000;
    }
  }
  return { width, height, duration };
}
