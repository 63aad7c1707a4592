import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallPriority } from './lanes.js';

const current = new AsyncLocalStorage<CallPriority>();

/**
 * Runs `work` with every TikTok call it makes in `priority`'s lane, for its tenant. The lane is
 * set where work enters (an HTTP request, a job), not passed down through every function between.
 */
export function withCallPriority<Result>(priority: CallPriority, work: () => Result): Result {
  return current.run(priority, work);
}

export const currentCallPriority = (): CallPriority | undefined => current.getStore();
