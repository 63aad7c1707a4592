import type { TikTokCallbackError } from '@whathead/contracts';

/** What the user reads when TikTok's page sent them back without a connection (help page, Troubleshooting). */
export const tiktokCallbackMessages: Record<TikTokCallbackError, string> = {
  authorization_invalid:
    'That TikTok sign-in expired, was already used, or was started in another window. Click Connect to start again.',
  cancelled: 'You cancelled on TikTok’s page, so nothing was connected. Click Connect when you’re ready.',
  permission_denied:
    'Permission denied: your TikTok role in that Business Center can’t authorize ad accounts. You need Admin or Operator access (Analysts can only view). Ask your Business Center admin to grant it, then try again.',
  rate_limited:
    'TikTok is busy: Whathead retried for a while, but TikTok kept asking it to slow down. Nothing was lost. Click Connect again in a minute.',
  unavailable: 'TikTok didn’t answer. Nothing was lost: try again in a few minutes.',
  failed: 'TikTok couldn’t finish the connection. Nothing was changed: try again.',
};
