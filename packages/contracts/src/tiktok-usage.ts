import { z } from 'zod';

/**
 * Who waited on a TikTok call (issue 10 §2): a person (`interactive`), background publishing
 * (`publish`), or mirrors and report syncs (`sync`). The TikTok client's own list; repeated here
 * because the web app sees only contracts.
 */
export const tiktokLanes = ['interactive', 'publish', 'sync'] as const;
export const tiktokLaneSchema = z.enum(tiktokLanes);
export type TikTokLane = z.infer<typeof tiktokLaneSchema>;

export const tiktokLaneUsageSchema = z.object({
  lane: tiktokLaneSchema,
  /** Calls Whathead made today (UTC) in this lane, for every workspace together. */
  appCalls: z.number().int().nonnegative(),
  /** The share of those made for this workspace. */
  workspaceCalls: z.number().int().nonnegative(),
});
export type TikTokLaneUsage = z.infer<typeof tiktokLaneUsageSchema>;

/**
 * What a pause holds back: every call of the app, every call to one TikTok endpoint, or one of
 * this workspace's ad accounts on one endpoint (TikTok's 40133). Other workspaces' ad accounts
 * are never listed.
 */
export const tiktokPauseScopes = ['app', 'endpoint', 'ad_account'] as const;
export const tiktokPauseScopeSchema = z.enum(tiktokPauseScopes);
export type TikTokPauseScope = z.infer<typeof tiktokPauseScopeSchema>;

export const tiktokPauseSchema = z.object({
  scope: tiktokPauseScopeSchema,
  /** When calls resume. */
  until: z.iso.datetime(),
  /**
   * `day`: TikTok said the day's budget is spent, so the pause lasts until 00:00 UTC. `rate`:
   * TikTok said we called too fast (per second or minute) and asked us to slow down.
   */
  budget: z.enum(['day', 'rate']),
  /** The TikTok endpoint paused (`/report/task/create/`); null for the whole app. */
  endpoint: z.string().nullable(),
  /** The ad account paused; null unless `ad_account`. */
  advertiserId: z.string().nullable(),
  advertiserName: z.string().nullable(),
});
export type TikTokPause = z.infer<typeof tiktokPauseSchema>;

/**
 * Settings' "TikTok usage" panel for owners and admins: today's calls by lane, the app's day
 * budget they are spent from (every workspace shares it), and whether TikTok is pausing us.
 */
export const tiktokUsageResponseSchema = z.object({
  /** The UTC day counted (TikTok's day budget resets at 00:00 UTC). */
  day: z.iso.date(),
  /** Calls a day the TikTok app may make (TIKTOK_RATE_LIMITS), shared by every workspace. */
  appDayBudget: z.number().int().positive(),
  lanes: z.array(tiktokLaneUsageSchema),
  /** Running pauses, soonest end first; empty when TikTok is not holding us back. */
  pauses: z.array(tiktokPauseSchema),
});
export type TikTokUsageResponse = z.infer<typeof tiktokUsageResponseSchema>;
