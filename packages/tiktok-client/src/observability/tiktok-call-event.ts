import type { Lane } from '../rate-limit/lanes.js';

/**
 * What every attempt of every call reports (issue 4 §6), for logs and the audit trail. It never
 * holds the access token, the app secret, the URL or the parameters: only what identifies the call.
 */
export interface TikTokCallEvent {
  method: string;
  path: string;
  advertiserId: string | undefined;
  /** Who waited on the call (issue 10 §2). */
  lane: Lane;
  /** 1 for the first try; retries count up. */
  attempt: number;
  /** TikTok's envelope code, undefined when no envelope arrived. */
  code: number | undefined;
  requestId: string | undefined;
  httpStatus: number | undefined;
  durationMilliseconds: number;
  outcome: 'success' | 'failure';
  /** The error kind when the attempt failed. */
  kind?: string | undefined;
  /** Whether the client will try again after this failure. */
  willRetry?: boolean | undefined;
  /** TikTok's message on failure, redacted. */
  message?: string | undefined;
}

/** Anything with pino-style `info` and `warn` (a pino logger fits as is). */
export interface TikTokClientLogger {
  info(event: TikTokCallEvent): void;
  warn(event: TikTokCallEvent): void;
}

export const silentLogger: TikTokClientLogger = { info: () => undefined, warn: () => undefined };
