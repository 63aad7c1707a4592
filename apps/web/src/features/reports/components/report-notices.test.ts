import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../lib/date-range';
import { backfillStoredWords } from './report-notices';

describe('a backfill’s first stored day', () => {
  it('says what it means: the figures start there, and the days before are still coming', () => {
    expect(backfillStoredWords('2026-11-03')).toBe(
      `figures stored from ${formatDay('2026-11-03')}; earlier days are still being fetched`,
    );
  });
});
