import { errorCodes } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { errorMessages, messageForError } from './error-messages';

describe('messageForError', () => {
  it.each(errorCodes)('has its own user-facing sentence for %s', (code) => {
    const message = messageForError(new ApiError({ code, message: 'developer text', status: 400 }));
    expect(message).toBe(errorMessages[code]);
    expect(message).toMatch(/^[A-Z].*\.$/);
    expect(message).not.toContain('developer text');
  });

  it('maps no code the contracts do not know', () => {
    expect(Object.keys(errorMessages).sort()).toEqual([...errorCodes].sort());
  });

  it('says how long to wait when the server sends retryAfterSeconds', () => {
    const error = new ApiError({
      code: 'too_many_attempts',
      message: 'slow down',
      status: 429,
      details: { retryAfterSeconds: 125 },
    });
    expect(messageForError(error)).toBe('Too many attempts. Try again in 3 minutes.');
  });

  it('says when Whathead will try TikTok again, in local HH:MM, when the server sends retryAt', () => {
    const retryAt = new Date(2026, 10, 25, 14, 5).toISOString();
    const error = new ApiError({
      code: 'tiktok_rate_limited',
      message: 'busy',
      status: 503,
      details: { retryAt },
    });
    expect(messageForError(error)).toMatch(/^TikTok is busy; retrying at 0?2:05|14:05/);
  });

  it('falls back to the generic message for anything that is not an ApiError', () => {
    expect(messageForError(new Error('boom'))).toBe(errorMessages.internal);
  });
});
