/** The smallest bytes the emulator reads as a PNG of the given size (signature + IHDR header). */
export function samplePng(width = 1200, height = 628): Uint8Array {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return new Uint8Array(bytes);
}

/** An MP4 `ftyp` box: enough for the emulator to accept a video (size assumed 1080×1920). */
export function sampleMp4(): Uint8Array {
  const bytes = Buffer.alloc(32);
  bytes.writeUInt32BE(24, 0);
  bytes.write('ftypisom', 4, 'latin1');
  return new Uint8Array(bytes);
}

/** "YYYY-MM-DD HH:MM:SS" in UTC (reference §10). */
export const tiktokDateTime = (milliseconds: number): string =>
  new Date(milliseconds).toISOString().slice(0, 19).replace('T', ' ');
