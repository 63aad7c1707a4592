import type { Clock } from '../clock.js';

interface Timer {
  at: number;
  resolve: () => void;
}

/**
 * A clock for tests that never sleeps: time moves only when every tracked request has answered
 * and nothing but timers is pending, and then straight to the earliest timer. The emulator reads
 * the same `now`, so "30 s of emulator time" costs milliseconds of real time.
 */
export interface VirtualTime extends Clock {
  /** Runs `work` to completion, advancing time whenever the system is idle. */
  run<Result>(work: () => Promise<Result>): Promise<Result>;
  /** Counts a request as in flight, so that time does not move while it is. */
  track<Result>(request: Promise<Result>): Promise<Result>;
  advance(milliseconds: number): void;
}

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createVirtualTime(start = Date.UTC(2026, 10, 25, 12, 0, 0)): VirtualTime {
  let now = start;
  let inFlight = 0;
  let timers: Timer[] = [];

  const fire = () => {
    const due = timers.filter((timer) => timer.at <= now).sort((left, right) => left.at - right.at);
    timers = timers.filter((timer) => timer.at > now);
    for (const timer of due) timer.resolve();
  };

  return {
    now: () => now,
    sleep(milliseconds, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer: Timer = {
          at: now + Math.max(0, milliseconds),
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          timers = timers.filter((candidate) => candidate !== timer);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
      });
    },
    async track(request) {
      inFlight += 1;
      try {
        return await request;
      } finally {
        inFlight -= 1;
      }
    },
    advance(milliseconds) {
      now += milliseconds;
      fire();
    },
    async run(work) {
      let settled = false;
      const outcome = work().finally(() => {
        settled = true;
      });
      outcome.catch(() => undefined);
      let idleRounds = 0;
      while (!settled) {
        await macrotask();
        if (settled || inFlight > 0) {
          idleRounds = 0;
          continue;
        }
        idleRounds += 1;
        // Two quiet rounds: whatever the last answer set off has had its turn.
        if (idleRounds < 2) continue;
        const next = timers.reduce(
          (earliest, timer) => Math.min(earliest, timer.at),
          Number.POSITIVE_INFINITY,
        );
        if (next === Number.POSITIVE_INFINITY) {
          if (idleRounds > 10_000)
            throw new Error('virtual time: nothing in flight, no timer, work not settled');
          continue;
        }
        now = Math.max(now, next);
        fire();
        idleRounds = 0;
      }
      return outcome;
    },
  };
}
