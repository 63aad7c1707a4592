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

/**
 * Runs `work` in the current lane and tenant with `rank` (CallPriority): where one job's calls
 * depend on each other, the ones others wait for ask first.
 */
export function withCallRank<Result>(rank: number, work: () => Result): Result {
  const priority = current.getStore();
  return priority ? current.run({ ...priority, rank }, work) : work();
}
