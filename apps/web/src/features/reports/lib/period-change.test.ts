import type { ReportMetrics } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { metrics } from '../components/reports.testing';
import { changeDirection, changeWords, formatChange, periodChange, type PeriodChange } from './period-change';

/** The arrow and the words of a change, as a tile shows and reads it. */
function shown(change: PeriodChange, key: Parameters<typeof changeWords>[0]) {
  return { arrow: formatChange(change), words: changeWords(key, change) };
}

const usd = (current: Partial<ReportMetrics>, previous: Partial<ReportMetrics> | null) => ({
  current: metrics(current),
  previous: previous && metrics(previous),
});

describe('the change from the previous period', () => {
  it('is a percentage with an arrow, and says it in words', () => {
    const { current, previous } = usd({ spend: '125.000', clicks: 90 }, { spend: '100.000', clicks: 120 });
    expect(shown(periodChange('spend', current, previous, 'USD'), 'spend')).toEqual({
      arrow: '▲ 25%',
      words: 'Up 25%',
    });
    expect(shown(periodChange('clicks', current, previous, 'USD'), 'clicks')).toEqual({
      arrow: '▼ 25%',
      words: 'Down 25%',
    });
  });

  it('is worked out from the values as written: $0.28 against $0.28 is no change', () => {
    const same = usd({ cpc: 0.2834 }, { cpc: 0.2843 });
    const change = periodChange('cpc', same.current, same.previous, 'USD');
    expect(shown(change, 'cpc')).toEqual({ arrow: '0%', words: 'Unchanged' });
    expect(changeDirection(change)).toBe(0);

    // $0.29 against $0.28, not 0.2854 against 0.2843.
    const apart = usd({ cpc: 0.2854 }, { cpc: 0.2843 });
    expect(formatChange(periodChange('cpc', apart.current, apart.previous, 'USD'))).toBe('▲ 3.6%');
    // Yen have no cents: ¥100 against ¥100.
    const yen = usd({ spend: '100.400' }, { spend: '99.600' });
    expect(formatChange(periodChange('spend', yen.current, yen.previous, 'JPY'))).toBe('0%');
    // Rates to the hundredth of a percent, counts whole.
    const rates = usd({ ctr: 1.251, clicks: 10.4 }, { ctr: 1.249, clicks: 10 });
    expect(formatChange(periodChange('ctr', rates.current, rates.previous, 'USD'))).toBe('0%');
    expect(formatChange(periodChange('clicks', rates.current, rates.previous, 'USD'))).toBe('0%');
  });

  it('says what is true where the previous period had nothing', () => {
    const { current, previous } = usd(
      { spend: '12.000', clicks: 4, ctr: 1.5 },
      { spend: '0.000', clicks: 0, ctr: 0 },
    );
    expect(shown(periodChange('spend', current, previous, 'USD'), 'spend')).toEqual({
      arrow: '▲',
      words: 'No spend in the previous period',
    });
    expect(changeWords('clicks', periodChange('clicks', current, previous, 'USD'))).toBe(
      'No clicks in the previous period',
    );
    expect(changeWords('ctr', periodChange('ctr', current, previous, 'USD'))).toBe(
      'Up from nothing in the previous period',
    );
    // Nothing either side is no change.
    const idle = usd({ spend: '0.000' }, { spend: '0.000' });
    expect(shown(periodChange('spend', idle.current, idle.previous, 'USD'), 'spend')).toEqual({
      arrow: '0%',
      words: 'Unchanged',
    });
  });

  it('is a dash where a side has no figure, and says which', () => {
    const { current, previous } = usd({ conversions: null, clicks: 5 }, { conversions: 3, clicks: null });
    expect(shown(periodChange('conversions', current, previous, 'USD'), 'conversions')).toEqual({
      arrow: '—',
      words: 'No figure for this period',
    });
    expect(shown(periodChange('clicks', current, previous, 'USD'), 'clicks')).toEqual({
      arrow: '—',
      words: 'No figure for the previous period',
    });
    expect(changeWords('clicks', periodChange('clicks', current, null, 'USD'))).toBe(
      'No figure for the previous period',
    );
  });
});
