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

test('a large integer after whitespace, as pretty-printed JSON writes it, is exact too', () => {
  const text =
    '{\n  "ids": [\n    7294180478502830081,\n\t-9223372036854775808\r\n  ],\n  "n" :  9007199254740993\n}';
  assert.deepEqual(parseLosslessJson(text), {
    ids: ['7294180478502830081', '-9223372036854775808'],
    n: '9007199254740993',
  });
  // Sixteen digits within Number's safe range stay a number.
  assert.deepEqual(parseLosslessJson('{"n": 1234567890123456}'), { n: 1234567890123456 });
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

test('a lone surrogate escape becomes U+FFFD, so PostgreSQL can store the text; pairs are kept', () => {
  const text = String.raw`{"name":"Half \ud83d name","end":"x\uD83D","low":"\uDE00y","pair":"\ud83d\ude00","both":"\u0000\udc00\u0000","list":[{"deep":"\uDBFF","id":9223372036854775807}]}`;
  const parsed = parseLosslessJson(text);
  assert.deepEqual(parsed, {
    name: 'Half \uFFFD name',
    end: 'x\uFFFD',
    low: '\uFFFDy',
    pair: '😀',
    both: '\uFFFD',
    list: [{ deep: '\uFFFD', id: '9223372036854775807' }],
  });
  // What PostgreSQL's jsonb refuses: a lone surrogate or NUL anywhere in the text.
  assert.doesNotMatch(JSON.stringify(parsed), /\\u(?:0000|d[89a-f])/i);
});

test('keys are made storable too, in their order', () => {
  const parsed = parseLosslessJson(String.raw`{"a":1,"b\ud800":2,"c\u0000":3}`) as object;
  assert.deepEqual(Object.keys(parsed), ['a', 'b\uFFFD', 'c']);
});

test('property: every string parsed is well-formed and free of NUL, whatever TikTok escapes', () => {
  const unit = fc.oneof(
    fc.constantFrom('\u0000', '\ud83d', '\ude00', '\ud83d\ude00', 'a', '"', '\\', 'é'),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  );
  fc.assert(
    fc.property(
      fc.array(unit).map((units) => units.join('')),
      (value) => {
        // JSON.stringify writes each lone surrogate as a \u escape, just as a server may.
        const parsed = parseLosslessJson(JSON.stringify({ [value]: [value] })) as Record<string, string[]>;
        for (const text of [...Object.keys(parsed), ...Object.values(parsed).flat()]) {
          assert.ok(!/\p{Cs}/u.test(text), JSON.stringify(text));
          assert.ok(!text.includes('\u0000'));
        }
        const wellFormed = (value as string & { toWellFormed(): string })
          .toWellFormed()
          .replaceAll('\u0000', '');
        assert.deepEqual(parsed, { [wellFormed]: [wellFormed] });
      },
    ),
    { numRuns: 300 },
  );
});
