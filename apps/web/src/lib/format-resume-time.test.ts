import { describe, expect, it } from 'vitest';
import { formatResumeTime } from './format-resume-time';

describe('formatResumeTime', () => {
  const noon = new Date(2026, 11, 1, 12, 0).getTime();

  it('says only the time for later today', () => {
    const later = new Date(2026, 11, 1, 14, 5);
    expect(formatResumeTime(later, noon)).not.toMatch(/tomorrow|2026/);
    expect(formatResumeTime(later, noon)).toMatch(/2[:.]05|14[:.]05/);
  });

  it('says tomorrow for the next day, and a date further off', () => {
    expect(formatResumeTime(new Date(2026, 11, 2, 9, 0), noon)).toMatch(/^tomorrow at /);
    expect(formatResumeTime(new Date(2026, 11, 5, 9, 0), noon)).toMatch(/2026/);
  });

  it('names midnight UTC when TikTok’s day budget resets, unless the reader is on UTC', () => {
    const midnightUtc = Date.UTC(2026, 11, 2);
    const text = formatResumeTime(midnightUtc, Date.UTC(2026, 11, 1, 20));
    expect(text.includes('(midnight UTC)')).toBe(new Date(midnightUtc).getTimezoneOffset() !== 0);
  });
});
