import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { sampleImage, sampleVideo, writeSample } from '../../testing/media-samples.js';
import { inspectMedia, isUnreadable } from './media-inspection.js';
import { mediaProblems, type MediaFacts } from './media-rules.js';

describe('a file checked against TikTok’s rules before upload', () => {
  let directory: string;
  before(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'media-inspection-'));
  });
  after(async () => rm(directory, { recursive: true, force: true }));

  const file = (name: string, bytes: Uint8Array) => writeSample(path.join(directory, name), bytes);
  const facts = async (name: string, bytes: Uint8Array): Promise<MediaFacts> => {
    const result = await inspectMedia(await file(name, bytes));
    if (isUnreadable(result)) throw new Error(`${name}: ${result.message}`);
    return result;
  };
  const refusal = async (name: string, bytes: Uint8Array) => {
    const result = await inspectMedia(await file(name, bytes));
    assert.ok(isUnreadable(result), `${name} was read: ${JSON.stringify(result)}`);
    return result;
  };

  it('reads an image’s format and size from its content, and passes one TikTok takes', async () => {
    const png = await facts('cover.png', await sampleImage({ width: 1080, height: 1920, format: 'png' }));
    assert.deepEqual(
      { ...png, bytes: undefined },
      {
        kind: 'image',
        format: 'png',
        width: 1080,
        height: 1920,
        bytes: undefined,
      },
    );
    assert.deepEqual(mediaProblems(png), []);
    // Named .png but a JPEG inside: the content decides.
    const jpeg = await facts(
      'named-wrong.png',
      await sampleImage({ width: 640, height: 640, format: 'jpeg' }),
    );
    assert.equal(jpeg.format, 'jpeg');
  });

  it('refuses an image over TikTok’s pixel limit, saying by how much', async () => {
    const big = await facts('big.jpg', await sampleImage({ width: 2400, height: 1800, format: 'jpeg' }));
    assert.deepEqual(mediaProblems(big), [
      {
        rule: 'pixels',
        message:
          '2400×1800 is 4,320,000 pixels — TikTok takes at most 3,686,400 (e.g. 1920×1920). Export it smaller.',
      },
    ]);
  });

  it('reads a video’s size and duration from its index, and passes a 9:16 video of 7 seconds', async () => {
    const video = await facts('spot.mp4', sampleVideo({ width: 1080, height: 1920, seconds: 7 }));
    assert.deepEqual(
      { kind: video.kind, format: video.format, width: video.width, height: video.height },
      { kind: 'video', format: 'mp4', width: 1080, height: 1920 },
    );
    assert.ok(video.kind === 'video' && Math.abs((video.durationSeconds ?? 0) - 7) < 0.01);
    assert.deepEqual(mediaProblems(video), []);
  });

  it('turns a portrait video stored landscape with a quarter turn', async () => {
    const video = await facts(
      'phone.mp4',
      sampleVideo({ width: 1920, height: 1080, seconds: 6, quarterTurn: true }),
    );
    assert.deepEqual(
      [video.kind === 'video' && video.width, video.kind === 'video' && video.height],
      [1080, 1920],
    );
  });

  it('refuses a 4:5 video and a half-second one, each with its reason', async () => {
    const portrait = await facts('feed.mp4', sampleVideo({ width: 1080, height: 1350, seconds: 8 }));
    assert.deepEqual(mediaProblems(portrait), [
      { rule: 'ratio', message: '1080×1350 (4:5) — TikTok accepts 9:16, 1:1 or 16:9.' },
    ]);
    const blink = await facts('blink.mp4', sampleVideo({ width: 1080, height: 1080, seconds: 0.5 }));
    assert.deepEqual(mediaProblems(blink), [
      { rule: 'duration', message: '0.5 seconds long — TikTok needs at least 5 seconds.' },
    ]);
  });

  it('refuses an empty file, a renamed non-image, a truncated image and a truncated video', async () => {
    assert.equal((await refusal('empty.mp4', new Uint8Array())).unreadable, 'empty');
    const text = await refusal(
      'notes.jpg',
      new TextEncoder().encode('Shot list: 30 variants, 9:16.\n'.repeat(40)),
    );
    assert.equal(text.unreadable, 'not_media');
    assert.match(text.message, /not an image or a video, whatever its name says/);
    const pdf = await refusal(
      'brief.png',
      new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
    );
    assert.match(pdf.message, /This is a PDF file, whatever its name says/);

    const jpeg = await sampleImage({ width: 800, height: 800, format: 'jpeg', seed: 3 });
    const cutJpeg = await refusal('cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)));
    assert.deepEqual(cutJpeg, {
      unreadable: 'damaged',
      message: 'The JPG is damaged or incomplete and cannot be read.',
    });
    const video = sampleVideo({ width: 1080, height: 1920, seconds: 10, bytesPerSecond: 50_000 });
    const cutVideo = await refusal('cut.mp4', video.subarray(0, video.length - 30_000));
    assert.equal(cutVideo.unreadable, 'damaged');
    assert.match(cutVideo.message, /^The MP4 is (cut short|damaged or incomplete)/);
  });

  it('refuses an MP4 whose index is missing, as damaged', async () => {
    const header = sampleVideo({ width: 1080, height: 1920, seconds: 6 }).subarray(0, 20);
    const result = await refusal('header-only.mp4', header);
    assert.deepEqual(result, {
      unreadable: 'damaged',
      message: 'The MP4 is damaged or incomplete: it has no index of its frames.',
    });
  });

  it('reads a phone photo’s size as shown, turned by its EXIF orientation', async () => {
    const stored = await sampleImage({ width: 1280, height: 720, format: 'jpeg', seed: 4 });
    const turned = await sharp(stored).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const photo = await facts('portrait.jpg', turned);
    assert.deepEqual([photo.width, photo.height], [720, 1280]);
  });

  it('takes a video’s size from its sample description when its track header leaves it zero', async () => {
    const video = Buffer.from(sampleVideo({ width: 1080, height: 1920, seconds: 6 }));
    const header = video.indexOf('tkhd') - 4;
    const end = header + video.readUInt32BE(header);
    video.fill(0, end - 8, end); // the track header's width and height, its last 8 bytes
    const movie = await facts('zero.mp4', video);
    assert.deepEqual([movie.width, movie.height], [1080, 1920]);
  });

  it('refuses, unread, an index or a run of boxes larger than any video’s (memory, not a crash)', async () => {
    const oversized = 'The MP4 is damaged: its structure is far larger than any video’s.';
    const video = Buffer.from(sampleVideo({ width: 1080, height: 1920, seconds: 6 }));
    // Each frame an index lists takes memory to read: a forged index of 100 MB took gigabytes.
    assert.equal((await refusal('forged-index.mp4', paddedIndex(video, 3 * 1024 * 1024))).message, oversized);
    const padded = await facts('padded-index.mp4', paddedIndex(video, 1024 * 1024));
    assert.equal(padded.width, 1080);
    // Millions of empty boxes, each an object when read.
    const tiny = Buffer.concat([
      video.subarray(0, video.readUInt32BE(0)),
      ...Array.from({ length: 2000 }, () => box('free', 0)),
      box('free', 1024 * 1024),
      box('free', 0),
    ]);
    assert.equal((await refusal('boxes.mp4', tiny)).message, oversized);
  });

  it('reads a 60 MB video’s facts from its index', async () => {
    const video = sampleVideo({ width: 1920, height: 1080, seconds: 30, bytesPerSecond: 2_000_000 });
    const name = path.join(directory, 'long.mp4');
    await writeFile(name, video);
    const result = await inspectMedia(name);
    assert.ok(!isUnreadable(result) && result.kind === 'video');
    assert.equal(result.bytes, video.length);
    assert.equal(result.width, 1920);
  });
});

/** An ISO box of `type` holding `size` zero bytes. */
function box(type: string, size: number): Buffer {
  const bytes = Buffer.alloc(8 + size);
  bytes.writeUInt32BE(8 + size, 0);
  bytes.write(type, 4, 'latin1');
  return bytes;
}

/** `video` (its `ftyp`, then its index) with `padding` more bytes of index, in a `free` box. */
function paddedIndex(video: Buffer, padding: number): Buffer {
  const index = video.readUInt32BE(0);
  const end = index + video.readUInt32BE(index);
  const padded = Buffer.concat([video.subarray(0, end), box('free', padding - 8), video.subarray(end)]);
  padded.writeUInt32BE(end - index + padding, index);
  return padded;
}
