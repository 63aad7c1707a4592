import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseLosslessJson } from './lossless-json.js';

test('integers beyond 2^53 arrive as exact strings, up to 2^63−1 and below −2^63', () => {
  const text =
    '{"a":9223372036854775807,"b":7294180478502830081,"c":-9223372036854775808,"d":9007199254740993}';
  assert.deepEqual(parseLosslessJson(text), {
    a: '9223372036854775807',
    b: '7294180478502830081',
    c: '-9223372036854775808',
    d: '9007199254740993',
  });
});

test('safe integers, decimals and exponents stay numbers', () => {
  assert.deepEqual(
    parseLosslessJson('[0,-1,9007199254740991,1.5,20.000,1e21,-0.25]'),
    [0, -1, 9007199254740991, 1.5, 20, 1e21, -0.25],
  );
});

test('digits inside strings are never touched, escapes included', () => {
  const text = String.raw`{"k":"12345678901234567890","e":"a\"99999999999999999999\\","n":99999999999999999999}`;
  assert.deepEqual(parseLosslessJson(text), {
    k: '12345678901234567890',
    e: 'a"99999999999999999999\\',
    n: '99999999999999999999',
  });
});

test('invalid JSON still fails', () => {
  assert.throws(() => parseLosslessJson('{"a":1'));
  assert.throws(() => parseLosslessJson('<html>404</html>'));
});

test('property: any JSON without unsafe integers parses exactly as JSON.parse does', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = JSON.stringify(value);
      const hasUnsafe = /(?<![\w."])-?\d{16,}(?![\d.eE])/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""'));
      fc.pre(!hasUnsafe);
      assert.deepEqual(parseLosslessJson(text), JSON.parse(text));
    }),
    { numRuns: 300 },
  );
});

test('property: any 64-bit id written as a JSON number survives exactly, next to look-alike strings', () => {
  fc.assert(
    fc.property(fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n), fc.string(), (id, text) => {
      const body = `{"id":${id},"label":${JSON.stringify(text + String(id))}}`;
      const parsed = parseLosslessJson(body) as { id: unknown; label: string };
      assert.equal(String(parsed.id), id.toString());
      assert.equal(parsed.label, text + String(id));
    }),
    { numRuns: 300 },
  );
});

test('NUL characters are dropped from every string, nested ones included; other text is kept', () => {
  const text = String.raw`{"name":"North\u0000wind","list":[{"note":"a\u0000\u0000b","id":9223372036854775807}],"tab":"a\tb"}`;
  assert.deepEqual(parseLosslessJson(text), {
    name: 'Northwind',
    list: [{ note: 'ab', id: '9223372036854775807' }],
    tab: 'a\tb',
  });
});
