import { describe, expect, it } from 'vitest';
import { formatChangeValue } from './change-values';

describe('a changed setting in words', () => {
  it('writes amounts in the account’s currency, or plain without one', () => {
    expect(formatChangeValue('budget', 500, 'USD')).toBe('$500.00');
    expect(formatChangeValue('bid', 1.5, null)).toBe('1.50');
  });

  it('counts audiences, as the preview has their ids only', () => {
    expect(formatChangeValue('audienceIds', [], null)).toBe('None');
    expect(formatChangeValue('audienceIds', ['7400000000000000001'], null)).toBe('1 audience');
    expect(formatChangeValue('excludedAudienceIds', ['1', '2', '3'], null)).toBe('3 audiences');
  });

  it('writes nothing as a dash, but no dayparting as the whole week', () => {
    expect(formatChangeValue('scheduleEnd', null, null)).toBe('—');
    expect(formatChangeValue('adText', '', null)).toBe('—');
    expect(formatChangeValue('dayparting', null, null)).toBe('All day, every day');
    expect(formatChangeValue('dayparting', '1'.repeat(48) + '0'.repeat(288), null)).toBe('24 hours a week');
  });

  it('names short lists and counts long ones, an empty one meaning everyone', () => {
    const regions = ['France', 'Spain'].map((name, index) => ({ id: String(index), name }));
    expect(formatChangeValue('locations', regions, null)).toBe('France, Spain');
    expect(formatChangeValue('ageGroups', ['AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_55_100'], null)).toBe(
      '18–24, 25–34, 35–44 and 1 more (4 age groups)',
    );
    expect(formatChangeValue('ageGroups', [], null)).toBe('All ages');
    expect(formatChangeValue('languages', ['en', 'xx'], null)).toBe('English, xx');
  });

  it('uses the forms’ words for TikTok’s values, and the creative’s and identity’s names', () => {
    expect(formatChangeValue('status', 'DISABLE', null)).toBe('Paused');
    expect(formatChangeValue('callToAction', 'SHOP_NOW', null)).toBe('Shop now');
    expect(formatChangeValue('creative', { fileName: 'teaser.mp4', materialId: 'v1' }, null)).toBe(
      'teaser.mp4',
    );
    expect(formatChangeValue('identity', { displayName: 'Northwind', id: '1' }, null)).toBe('Northwind');
  });
});
