import type { ErrorCode } from '@whathead/contracts';
import { isApiError } from './api-error';
import { formatResumeTime } from './format-resume-time';

/**
 * What the user reads for each error code the API can answer with. This is the only place codes
 * become words; the server's own `message` is written for developers and is never shown.
 */
export const errorMessages: Record<ErrorCode, string> = {
  validation_failed: 'Some details need another look. Check the highlighted fields.',
  payload_too_large: 'That is more data than Whathead accepts in one go. Try something smaller.',
  unsupported_media_type: 'Whathead can’t read that kind of file or request.',
  unauthenticated: 'Your session has ended. Log in again to continue.',
  csrf_rejected: 'Your session changed in another tab. Reload the page and try again.',
  forbidden: 'You don’t have permission to do that. Ask a workspace owner or admin.',
  not_found: 'We couldn’t find that. It may have been removed.',
  method_not_allowed: 'That action isn’t available here.',
  email_taken: 'An account with this email already exists. Log in instead.',
  invalid_credentials: 'That email and password don’t match an account.',
  too_many_attempts: 'Too many attempts. Wait a few minutes, then try again.',
  server_busy: 'Whathead is busy right now. Try again in a few seconds.',
  password_reset_invalid:
    'This password reset link has expired or has already been used. Ask for a new one: it works for 30 minutes, once.',
  invitation_invalid:
    'This invitation link is no longer valid. It may have expired, been revoked or already been used. Ask for a new one.',
  invitation_email_mismatch:
    'This invitation was sent to a different email address. Log in with that address to accept it.',
  already_member: 'You’re already a member of this workspace.',
  tiktok_authorization_invalid:
    'That TikTok sign-in link was already used, expired or started elsewhere. Click Connect to start again.',
  tiktok_grant_expired:
    'This TikTok sign-in is no longer available: it lasts 10 minutes, and each Business Center can be connected from it once. Click Add Another Account to sign in to TikTok again.',
  tiktok_permission_denied:
    'TikTok refused: your TikTok role doesn’t allow this. Ask your Business Center admin for Admin or Operator access, then reconnect.',
  tiktok_reconnect_required: 'TikTok no longer accepts this connection. Click Reconnect on the TikTok card.',
  tiktok_account_not_usable:
    'That ad account can’t be the default: TikTok doesn’t allow ads on it right now. Choose another account.',
  tiktok_advertiser_unavailable:
    'TikTok says this ad account doesn’t exist, was deleted, or is no longer shared with the connected TikTok user. Check it in TikTok Ads Manager, then reconnect.',
  campaign_not_editable:
    'This can’t be changed from Whathead right now: it was deleted at TikTok, or its ad account no longer syncs. Check it in TikTok Ads Manager.',
  draft_conflict:
    'Someone saved this draft after you opened it. Reload to see their changes, or keep yours and save over them.',
  draft_publishing: 'This draft is being published. It can be edited again when the publish finishes.',
  publish_reviewed:
    'This publish is no longer waiting for approval: someone approved or rejected it already.',
  draft_invalid: 'The draft still has errors. Fix the items marked in red, then publish.',
  tiktok_refused:
    'TikTok refused the change. Check the values against TikTok’s rules in Ads Manager, then try again.',
  tiktok_rate_limited:
    'TikTok is busy: Whathead retried, but TikTok kept asking it to slow down. Nothing was lost; try again in a minute.',
  tiktok_unavailable: 'TikTok didn’t answer. Nothing was lost: try again in a few minutes.',
  internal: 'Something went wrong on our side. Try again in a moment.',
  unavailable: 'Whathead can’t be reached right now. Check your connection and try again.',
};

/** The sentence to show for any thrown value; unknown failures get the generic message. */
export function messageForError(error: unknown): string {
  if (!isApiError(error)) return errorMessages.internal;
  const retryAfterSeconds = error.details?.retryAfterSeconds;
  if (error.code === 'too_many_attempts' && retryAfterSeconds !== undefined) {
    return `Too many attempts. Try again in ${describeWait(retryAfterSeconds)}.`;
  }
  if (error.code === 'server_busy' && retryAfterSeconds !== undefined) {
    return `Whathead is busy right now. Try again in ${describeWait(retryAfterSeconds)}.`;
  }
  const retryAt = error.details?.retryAt;
  if (error.code === 'tiktok_rate_limited' && retryAt !== undefined) return tiktokPauseMessage(retryAt);
  return errorMessages[error.code];
}

/**
 * TikTok paused Whathead and the person's own request gave up waiting: nothing retries it, so the
 * sentence says when trying again can work. A pause until 00:00 UTC is TikTok's day budget
 * (reference §8); a shorter one is a per-second or per-minute limit.
 */
function tiktokPauseMessage(retryAt: string): string {
  const until = formatResumeTime(retryAt);
  return Date.parse(retryAt) % dayMilliseconds === 0
    ? `TikTok’s daily allowance for Whathead is used up. Wait until ${until}, then try again; nothing was lost.`
    : `TikTok asked Whathead to slow down. Wait until ${until}, then try again; nothing was lost.`;
}

const dayMilliseconds = 86_400_000;

function describeWait(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
