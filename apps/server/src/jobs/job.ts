import type { Lane } from '@whathead/tiktok-client';
import type { z } from 'zod';

/** How pg-boss retries a failed run: up to `limit` more times, `delaySeconds` apart, doubling if `backoff`. */
export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

/**
 * A background job: a typed payload, the one service call it wraps, and how it is retried. Every
 * job must be safe to run twice: a crash after the work but before pg-boss records completion
 * runs it again.
 */
export interface JobDefinition<Payload extends object = object> {
  readonly name: string;
  readonly payload: z.ZodType<Payload>;
  readonly retry: RetryPolicy;
  /**
   * The lane of the TikTok calls the job makes (issue 10 §2), for the workspace its payload names
   * (`workspaceId`), if any.
   */
  readonly lane: Lane;
  /**
   * pg-boss queue policy; `stately` keeps at most one run queued and one running (per
   * `singletonKey` when the job has one). Default `standard`.
   */
  readonly policy?: 'standard' | 'stately';
  /** Which runs count as the same for the policy: one account's sync, not every account's. */
  singletonKey?(payload: Payload): string;
  /**
   * How many runs one process works at once (default 1). More suits jobs that mostly wait on
   * TikTok, whose calls the shared rate budget paces whatever the number.
   */
  readonly concurrency?: number;
  /** A recurring job: a cron expression (UTC) and the payload each run receives. */
  readonly recurring?: { cron: string; payload: Payload };
  /** Returns a short outcome that is logged and stored as the job's output. */
  run(payload: Payload): Promise<Record<string, unknown>>;
}

export const defineJob = <Payload extends object>(
  definition: JobDefinition<Payload>,
): JobDefinition<Payload> => definition;
