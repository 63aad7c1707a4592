/**
 * TikTok's rules for a creative, checked before any byte is uploaded, each broken rule said in
 * words with its fix. Sources: the API reference's correction 7 (formats, the 500 MB video cap,
 * the three video ratios, 3,686,400 pixels an image) and the Business Center library's 10 MB for
 * an image; the video durations are TikTok's published creative specs for in-feed ads (the API
 * reference names none). Where TikTok is stricter than this, its refusal is shown after upload.
 */
import { mediaUploadLimits } from '@whathead/contracts';

export type MediaKind = 'image' | 'video';
export type ImageFormat = 'jpeg' | 'png';
export type VideoFormat = 'mp4' | 'mov' | 'mpeg' | 'avi';

/** What an inspection read from a file's content (never from its name). */
export type MediaFacts =
  | { kind: 'image'; format: ImageFormat; bytes: number; width: number; height: number }
  | {
      kind: 'video';
      format: VideoFormat;
      bytes: number;
      /** Undefined where the container's header gives none this reads (MPEG, AVI). */
      width?: number;
      height?: number;
      durationSeconds?: number;
    };

export const mediaLimits = {
  imageBytes: mediaUploadLimits.imageBytes,
  imagePixels: 3_686_400,
  videoBytes: mediaUploadLimits.videoBytes,
  videoSecondsAtLeast: 5,
  videoSecondsAtMost: 600,
  /** How far a video's width / height may stray from an accepted ratio (TikTok's own slack). */
  ratioTolerance: 0.05,
} as const;

/** The ratios TikTok takes for a video, by name. */
export const videoRatios = [
  { name: '9:16', value: 9 / 16 },
  { name: '1:1', value: 1 },
  { name: '16:9', value: 16 / 9 },
] as const;

/** A broken rule: which, and the words a person reads beside the file. */
export interface MediaProblem {
  rule: 'size' | 'pixels' | 'ratio' | 'duration';
  message: string;
}

/** Every rule `facts` breaks; empty when TikTok should take the file. */
export function mediaProblems(facts: MediaFacts): MediaProblem[] {
  return facts.kind === 'image' ? imageProblems(facts) : videoProblems(facts);
}

function imageProblems(facts: Extract<MediaFacts, { kind: 'image' }>): MediaProblem[] {
  const problems: MediaProblem[] = [];
  if (facts.bytes > mediaLimits.imageBytes)
    problems.push({
      rule: 'size',
      message: `${megabytes(facts.bytes)} — TikTok takes images up to ${megabytes(mediaLimits.imageBytes)}.`,
    });
  if (facts.width * facts.height > mediaLimits.imagePixels)
    problems.push({
      rule: 'pixels',
      message: `${facts.width}×${facts.height} is ${(facts.width * facts.height).toLocaleString('en-US')} pixels — TikTok takes at most ${mediaLimits.imagePixels.toLocaleString('en-US')} (e.g. 1920×1920). Export it smaller.`,
    });
  return problems;
}

function videoProblems(facts: Extract<MediaFacts, { kind: 'video' }>): MediaProblem[] {
  const problems: MediaProblem[] = [];
  if (facts.bytes > mediaLimits.videoBytes)
    problems.push({
      rule: 'size',
      message: `${megabytes(facts.bytes)} — TikTok takes videos up to ${megabytes(mediaLimits.videoBytes)}. Export it at a lower bit rate.`,
    });
  if (facts.width !== undefined && facts.height !== undefined && !acceptedRatio(facts.width, facts.height))
    problems.push({
      rule: 'ratio',
      message: `${dimensions(facts.width, facts.height)} — TikTok accepts 9:16, 1:1 or 16:9.`,
    });
  const seconds = facts.durationSeconds;
  if (seconds !== undefined && seconds < mediaLimits.videoSecondsAtLeast)
    problems.push({
      rule: 'duration',
      message: `${duration(seconds)} long — TikTok needs at least ${mediaLimits.videoSecondsAtLeast} seconds.`,
    });
  if (seconds !== undefined && seconds > mediaLimits.videoSecondsAtMost)
    problems.push({
      rule: 'duration',
      message: `${duration(seconds)} long — TikTok takes at most ${mediaLimits.videoSecondsAtMost / 60} minutes.`,
    });
  return problems;
}

/** The accepted ratio `width`×`height` is, if any. */
export function acceptedRatio(width: number, height: number): (typeof videoRatios)[number] | undefined {
  if (width <= 0 || height <= 0) return undefined;
  const ratio = width / height;
  return videoRatios.find((each) => Math.abs(ratio - each.value) <= mediaLimits.ratioTolerance);
}

/** "1080×1350 (4:5)": the size and its ratio in lowest terms (or to two places when those are long). */
export function dimensions(width: number, height: number): string {
  const divisor = greatestCommonDivisor(width, height);
  const [across, down] = [width / divisor, height / divisor];
  const ratio = across <= 32 && down <= 32 ? `${across}:${down}` : `${(width / height).toFixed(2)}:1`;
  return `${width}×${height} (${ratio})`;
}

function greatestCommonDivisor(left: number, right: number): number {
  return right === 0 ? left : greatestCommonDivisor(right, left % right);
}

/** "2.4 MB", "500 MB": decimal-looking figures of binary megabytes, as file managers show them. */
export function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${value >= 10 ? Math.round(value) : Number(value.toFixed(1))} MB`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(1))} seconds`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
