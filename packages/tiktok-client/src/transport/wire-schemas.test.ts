import assert from 'node:assert/strict';
import { test } from 'node:test';
import { optionalName } from './wire-schemas.js';

test('a name TikTok sends is one clean line: breaks and tabs become spaces, other controls go', () => {
  assert.equal(optionalName.parse('North\u0000wind\r\nRetail\u0007 '), 'Northwind Retail');
  assert.equal(optionalName.parse('Café\tUS\u0085'), 'Café US');
  assert.equal(optionalName.parse(null), undefined);
  assert.equal(optionalName.parse('Ünïcode 广告 🎯'), 'Ünïcode 广告 🎯', 'printable text is untouched');
});
