import { describe, expect, it } from 'vitest';
import { isProvisional, provisionalStart } from './provisional';

describe('provisional days', () => {
  it('of several accounts start at the earliest of theirs', () => {
    const provisionalFrom = { '1': '2026-03-04', '2': '2026-03-02', '3': '2026-03-01' };
    expect(provisionalStart(provisionalFrom, ['1', '2'])).toBe('2026-03-02');
    expect(provisionalStart(provisionalFrom, ['4'])).toBeNull();
  });

  it('include every hour of the first provisional day', () => {
    expect(isProvisional('2026-03-02 00:00', '2026-03-02')).toBe(true);
    expect(isProvisional('2026-03-01 23:00', '2026-03-02')).toBe(false);
    expect(isProvisional('2026-03-09', null)).toBe(false);
  });
});
