import { errorCodes } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { errorMessages, messageForError } from './error-messages';
import { formatResumeTime } from './format-resume-time';

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

  const rateLimited = (retryAt: string) =>
    new ApiError({ code: 'tiktok_rate_limited', message: 'busy', status: 503, details: { retryAt } });

  it('says when trying TikTok again can work, promising no retry, when TikTok asked Whathead to slow down', () => {
    const retryAt = new Date(Date.now() + 5 * 60_000);
    retryAt.setSeconds(30, 0); // not 00:00 UTC, whatever the reader's time zone
    const message = messageForError(rateLimited(retryAt.toISOString()));
    expect(message).toBe(
      `TikTok asked Whathead to slow down. Wait until ${formatResumeTime(retryAt)}, then try again; nothing was lost.`,
    );
    expect(message).not.toMatch(/retrying/);
  });

  it('names TikTok’s daily allowance, and the day, when the pause lasts until 00:00 UTC', () => {
    const nextUtcMidnight = Math.floor(Date.now() / 86_400_000) * 86_400_000 + 86_400_000;
    const message = messageForError(rateLimited(new Date(nextUtcMidnight).toISOString()));
    expect(message).toBe(
      `TikTok’s daily allowance for Whathead is used up. Wait until ${formatResumeTime(nextUtcMidnight)}, then try again; nothing was lost.`,
    );
  });

  it('falls back to the generic message for anything that is not an ApiError', () => {
    expect(messageForError(new Error('boom'))).toBe(errorMessages.internal);
  });
});
