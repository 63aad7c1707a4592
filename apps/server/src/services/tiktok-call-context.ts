import { AsyncLocalStorage } from 'node:async_hooks';
import type { TikTokCallEvent, TikTokClientLogger } from '@whathead/tiktok-client';

const requestIds = new AsyncLocalStorage<string[]>();

/** pino's call shape, without importing it here. */
interface EventLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/**
 * The TikTok client's logger: every attempt goes to the log (the event never holds the token,
 * see the client's README), and its request_id is collected for the audit trail of whatever
 * service call is running, which is how a success's request_id reaches `tiktok_audit_events`.
 * `observe` sees every attempt too (the server counts them for /metrics); it must not throw, or
 * it would fail the call it observes.
 */
export function tiktokClientLogger(
  logger: EventLogger,
  observe?: (event: TikTokCallEvent) => void,
): TikTokClientLogger {
  const collect = (event: TikTokCallEvent) => {
    observe?.(event);
    if (event.requestId) requestIds.getStore()?.push(event.requestId);
  };
  return {
    info(event) {
      collect(event);
      logger.info({ tiktok: event }, 'TikTok call');
    },
    warn(event) {
      collect(event);
      logger.warn({ tiktok: event }, 'TikTok call failed');
    },
  };
}

/** Runs `work` and returns its result with the request_ids of the TikTok calls it made. */
export async function withTikTokRequestIds<Result>(
  work: () => Promise<Result>,
): Promise<{ result: Result; requestIds: string[] }> {
  const collected: string[] = [];
  const result = await requestIds.run(collected, work);
  return { result, requestIds: collected };
}
