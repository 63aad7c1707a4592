import type { TikTokCallbackError } from '@whathead/contracts';
import { formatResumeTime } from '../../../lib/format-resume-time';

/** The button on screen that starts over: Connect, Add Another Account, or Reconnect. */
export type TikTokConnectLabel = 'Connect' | 'Add Another Account' | 'Reconnect';

/**
 * What the user reads when TikTok's page sent them back without a connection (help page,
 * Troubleshooting). Each names the button actually on screen, so "Click Connect" never points
 * at a button that reads Add Another Account.
 */
export function tiktokCallbackMessage(
  error: TikTokCallbackError,
  label: TikTokConnectLabel,
  retryAt?: string,
): string {
  switch (error) {
    case 'authorization_invalid':
      return `That TikTok sign-in expired, was already used, or was started in another window. Click ${label} to start again.`;
    case 'authorization_expired':
      return `This TikTok sign-in has expired; click ${label} to start again.`;
    case 'no_ad_accounts':
      return `TikTok gave Whathead no ad account, and every Business Center you have is already connected. Click ${label} and tick the ad accounts you want on TikTok’s page.`;
    case 'reconnect_mismatch':
      return 'You signed in to TikTok as a user who can’t reach this Business Center, so nothing changed. Click Reconnect and sign in with the TikTok user that has access to it.';
    case 'cancelled':
      return `You cancelled on TikTok’s page, so nothing was connected. Click ${label} when you’re ready.`;
    case 'permission_denied':
      return 'Permission denied: your TikTok role in that Business Center can’t authorize ad accounts. You need Admin or Operator access (Analysts can only view). Ask your Business Center admin to grant it, then try again.';
    case 'rate_limited':
      return retryAt
        ? `TikTok has paused Whathead’s requests until ${formatResumeTime(retryAt)}, so the connection wasn’t finished. Nothing was lost: click ${label} after that.`
        : `TikTok kept asking Whathead to slow down, so the connection wasn’t finished. Nothing was lost: click ${label} again in a few minutes.`;
    case 'unavailable':
      return 'TikTok didn’t answer. Nothing was lost: try again in a few minutes.';
    case 'failed':
      return 'TikTok couldn’t finish the connection. Nothing was changed: try again.';
  }
}

/** The popup closed (or was closed) before TikTok sent the user back. */
export function tiktokWindowClosedMessage(label: TikTokConnectLabel): string {
  return `The TikTok window was closed before finishing. Click ${label} to try again.`;
}
