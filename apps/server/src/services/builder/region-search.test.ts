import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchRegions, type RegionEntry } from './region-search.js';

const entries: RegionEntry[] = [
  { locationId: '3469034', name: 'Brazil', level: 'COUNTRY', regionCode: 'BR' },
  { locationId: '3448439', name: 'São Paulo', parentId: '3469034', level: 'PROVINCE', regionCode: 'BR' },
  { locationId: '3448433', name: 'São Paulo', parentId: '3448439', level: 'CITY', regionCode: 'BR' },
  { locationId: '6252001', name: 'United States', level: 'COUNTRY', regionCode: 'US' },
  { locationId: '5332921', name: 'California', parentId: '6252001', level: 'PROVINCE', regionCode: 'US' },
  { locationId: '5391959', name: 'San Francisco', parentId: '5332921', level: 'CITY', regionCode: 'US' },
  { locationId: '2658434', name: 'Switzerland', level: 'COUNTRY' },
  { locationId: '9', name: 'Zürich', parentId: '404', level: 'DMA' },
];

describe('searchRegions', () => {
  it('finds names whatever their case and accents, countries first, then states and cities', () => {
    assert.deepEqual(
      searchRegions(entries, 'SAO PAULO').map((region) => [region.name, region.level, region.parentName]),
      [
        ['São Paulo', 'PROVINCE', 'Brazil'],
        ['São Paulo', 'CITY', 'São Paulo'],
      ],
    );
    assert.deepEqual(
      searchRegions(entries, 'zurich').map((region) => [region.name, region.parentName, region.regionCode]),
      [['Zürich', null, null]],
      'a parent not in the list and an unknown level still answer',
    );
  });

  it('puts names that start with the query before names that only contain it', () => {
    assert.deepEqual(
      searchRegions(entries, 'an').map((region) => region.name),
      ['Switzerland', 'San Francisco'],
    );
    assert.deepEqual(
      searchRegions(entries, 's').map((region) => region.name),
      ['Switzerland', 'United States', 'São Paulo', 'San Francisco', 'São Paulo'],
    );
  });

  it('answers at most 50, countries first, without a query', () => {
    const many: RegionEntry[] = Array.from({ length: 80 }, (_, index) => ({
      locationId: String(1000 + index),
      name: `Place ${String(index).padStart(2, '0')}`,
      level: index < 60 ? 'CITY' : 'COUNTRY',
    }));
    const found = searchRegions(many, undefined);
    assert.equal(found.length, 50);
    assert.deepEqual(
      found.slice(0, 20).map((region) => region.level),
      Array(20).fill('COUNTRY'),
    );
  });
});
