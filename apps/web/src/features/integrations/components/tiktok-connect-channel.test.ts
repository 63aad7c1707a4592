import { describe, expect, it } from 'vitest';
import { tiktokCallbackMessage } from './tiktok-callback-messages';
import { readTikTokConnectResult, tiktokConnectResultParams } from './tiktok-connect-channel';

describe('a sign-in that came back while TikTok had paused Whathead', () => {
  const midnight = '2026-12-02T00:00:00.000Z';

  it('keeps when to try again through the address, and says it', () => {
    const result = readTikTokConnectResult(
      new URLSearchParams({ tiktok_error: 'rate_limited', retry_at: midnight }),
    );
    expect(result).toEqual({ error: 'rate_limited', retryAt: midnight });
    expect(readTikTokConnectResult(tiktokConnectResultParams(result!))).toEqual(result);
    const message = tiktokCallbackMessage('rate_limited', 'Connect', midnight);
    expect(message).toMatch(
      /^TikTok has paused Whathead’s requests until .+\. Nothing was lost: click Connect after that\.$/,
    );
  });

  it('drops a time that is not one, and says to try again in a few minutes', () => {
    const result = readTikTokConnectResult(
      new URLSearchParams({ tiktok_error: 'rate_limited', retry_at: 'soon<script>' }),
    );
    expect(result).toEqual({ error: 'rate_limited' });
    expect(tiktokCallbackMessage('rate_limited', 'Reconnect')).toMatch(
      /click Reconnect again in a few minutes/,
    );
  });
});
