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
  /**
   * Calls Whathead made today (UTC) in this lane for this workspace. Other workspaces' counts are
   * never sent: anyone can sign up and own a workspace, and those counts are other customers' business.
   */
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
   * TikTok said Whathead called too fast (per second or minute) and asked it to slow down.
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
 * Settings' "TikTok usage" panel for owners and admins: this workspace's calls today by lane, how
 * much of the app's day budget (every workspace shares it) is spent, and whether TikTok is pausing
 * Whathead.
 */
export const tiktokUsageResponseSchema = z.object({
  /** The UTC day counted (TikTok's day budget resets at 00:00 UTC). */
  day: z.iso.date(),
  /**
   * The share (0–1) of the app's day budget (TIKTOK_RATE_LIMITS) that every workspace together
   * has spent today, rounded to 3 decimals so that it never reveals a few calls of another
   * workspace.
   */
  appDayShare: z.number().min(0).max(1),
  lanes: z.array(tiktokLaneUsageSchema),
  /** Running pauses, soonest end first; empty when TikTok is not holding Whathead back. */
  pauses: z.array(tiktokPauseSchema),
});
export type TikTokUsageResponse = z.infer<typeof tiktokUsageResponseSchema>;
