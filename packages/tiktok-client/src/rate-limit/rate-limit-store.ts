import type { Lane } from './lanes.js';

/**
 * One budget that calls are paced through: at most one call per `intervalMilliseconds` (its
 * per-second limit spaced evenly, so that no window of a second, however TikTok aligns it, holds
 * more than the limit), at most `perMinute` calls in any 60 s, and at most `perDay` calls per UTC
 * day (TikTok's day budget resets at 00:00 UTC, reference §8).
 */
export interface PacedBucket {
  key: string;
  /** 0 when the bucket only carries pauses (no documented limit). */
  intervalMilliseconds: number;
  /** Calls in any 60 s; absent (or infinite) when the spacing alone keeps the bucket under. */
  perMinute?: number | undefined;
  perDay: number;
  /**
   * Every kind of call goes through this budget (the app's). A call that another of its budgets
   * holds back must not book this one far ahead and leave the slots between unused.
   */
  shared?: boolean | undefined;
}

export interface ReserveRequest {
  buckets: readonly PacedBucket[];
  now: number;
  /** The latest slot the caller accepts; a later one is refused, not booked. */
  latest: number;
  lane: Lane;
  /** Whose call it is (a workspace); '' for calls that work for no one in particular. */
  tenant: string;
  /**
   * Fair sharing within the lane, counted across every process: a call that would put its tenant
   * more than this many calls ahead of the least-served tenant waiting in its lane is refused.
   * Absent for lanes served first come, first served (interactive).
   */
  fairShareSlack?: number | undefined;
  /**
   * The call takes a slot of the shared budget that another call of its process booked and gave
   * up: only its own budgets are booked here, and the call was counted in the lane's usage with
   * that booking.
   */
  handOff?: boolean | undefined;
  /**
   * Other tenants with calls waiting in this lane in the caller's process. They count as waiting
   * (so the least-served tenant is found across every process) without booking anything.
   */
  waiting?: readonly string[] | undefined;
}

/**
 * Why a booking was refused. `ahead`: one of the call's own budgets (an endpoint's, an ad
 * account's) puts its slot so far past the app's next free slot that booking it now would leave
 * the app's slots in between unused; `retryAt` is then when to ask again, not the slot.
 */
export type RefusalReason = 'paced' | 'paused' | 'day' | 'fair-share' | 'ahead';

export type Reservation =
  | { granted: true; at: number }
  | {
      granted: false;
      retryAt: number;
      reason: RefusalReason;
      /** The bucket that refused; every call through it is refused until at least `retryAt`. */
      key?: string | undefined;
      /**
       * `ahead` only: the slot the call would book. Until it asks again, the other calls of its
       * process leave that slot of the shared budget to it.
       */
      slot?: number | undefined;
    };

/** Today's calls of one lane (UTC day), app-wide and for one tenant. */
export interface LaneUsage {
  lane: Lane;
  calls: number;
  tenantCalls: number;
}

export interface RatePause {
  key: string;
  until: number;
}

/**
 * Where the budget lives. The in-memory store serves one process; the server's PostgreSQL store
 * shares one budget among every process on a database. Both book slots atomically: a call whose
 * buckets do not all admit it books none of them.
 */
export interface RateLimitStore {
  /** Books the earliest slot at or after `now` that every bucket admits, if it is no later than `latest`. */
  reserve(request: ReserveRequest): Promise<Reservation>;
  /** Refuses every bucket under `key` until `until` (TikTok said the window is spent). */
  pause(key: string, until: number): Promise<void>;
  /** A tenant of a fair-shared lane has nothing left waiting in this process. */
  leave(lane: Lane, tenant: string): Promise<void>;
  /** Calls booked today (UTC) by lane, app-wide and for `tenant`. */
  usage(now: number, tenant: string | undefined): Promise<LaneUsage[]>;
  /** Pauses still running at `now`. */
  pauses(now: number): Promise<RatePause[]>;
}
