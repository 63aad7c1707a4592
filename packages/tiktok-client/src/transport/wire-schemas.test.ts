import assert from 'node:assert/strict';
import { test } from 'node:test';
import { optionalName } from './wire-schemas.js';

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
