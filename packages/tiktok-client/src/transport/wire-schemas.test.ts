import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adGroupSchema } from '../endpoints/ad-groups/ad-group-schema.js';
import { adSchema } from '../endpoints/ads/ad-schema.js';
import { campaignSchema } from '../endpoints/campaigns/campaign-schema.js';
import { optionalEntityName, optionalName } from './wire-schemas.js';

test('a name TikTok sends is one clean line: breaks and tabs become spaces, other controls go', () => {
  assert.equal(optionalName.parse('North\u0000wind\r\nRetail\u0007 '), 'Northwind Retail');
  assert.equal(optionalName.parse('Café\tUS\u0085'), 'Café US');
  assert.equal(optionalName.parse(null), undefined);
  assert.equal(optionalName.parse('Ünïcode 广告 🎯'), 'Ünïcode 广告 🎯', 'printable text is untouched');
});

test('a name cannot read backwards or run on for ever', () => {
  assert.equal(optionalName.parse('Evil\u202Egpj.exe\u2066x\u2069'), 'Evilgpj.exex');
  assert.equal(optionalName.parse('One\u2028Two\u2029Three'), 'One Two Three');
  const long = optionalName.parse(`${'🎯'.repeat(150)}${'A'.repeat(5000)}`)!;
  assert.equal([...long].length, 200, 'capped at 200 characters, never splitting an emoji');
  assert.ok(long.startsWith('🎯'.repeat(150)));
});

test('a campaign, ad group or ad name keeps up to 512 characters, as TikTok allows', () => {
  const long = `Retargeting ${'x'.repeat(291)}`; // 303 characters
  assert.equal(campaignSchema.parse({ campaign_id: '1', campaign_name: long }).name, long);
  assert.equal(adGroupSchema.parse({ adgroup_id: '1', adgroup_name: long }).name, long);
  assert.equal(adSchema.parse({ ad_id: '1', ad_name: long }).name, long);

  const longest = optionalEntityName.parse(`${'广'.repeat(500)}${'🎯'.repeat(12)}${'A'.repeat(5000)}`)!;
  assert.equal([...longest].length, 512, 'capped at 512 characters, never splitting an emoji');
  assert.ok(longest.endsWith('🎯'.repeat(12)));
  assert.equal(optionalEntityName.parse('North\u0000wind\r\nRetail\u202E '), 'Northwind Retail');
});

test('other names keep their 200-character rule', () => {
  const long = 'x'.repeat(303);
  assert.equal(optionalName.parse(long), 'x'.repeat(200));
  assert.equal(adSchema.parse({ ad_id: '1', display_name: long }).displayName, 'x'.repeat(200));
});
