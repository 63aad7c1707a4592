import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { packagesRefusingNode, satisfiesRange } from './node-engines.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('reads npm engine ranges as npm does', () => {
  const cases: [string, string, boolean][] = [
    ['20.19.0', '>=20.19', true],
    ['20.18.1', '>=20.19', false],
    ['20.19.0', '^20.19.0 || >=22.12.0', true],
    ['21.0.0', '^20.19.0 || >=22.12.0', false],
    ['20.19.0', '>=22', false],
    ['20.19.0', '18 || 20 || >=22', true],
    ['20.19.0', '>= 12.0.0', true],
    ['20.19.0', '>=16 || 14 >=14.17', true],
    ['14.16.0', '>=16 || 14 >=14.17', false],
    ['20.19.0', '>= 10.x', true],
    ['20.19.0', '>=v12.22.7', true],
    ['20.19.0', '*', true],
    ['20.19.0', '~20.18.0', false],
    ['0.12.3', '^0.12.0', true],
  ];
  for (const [version, range, expected] of cases)
    assert.equal(satisfiesRange(version, range), expected, `${version} in ${range}`);
});

test('every locked dependency runs on the Node version the README names and on the one running', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const minimum = /Node\.js (\d+\.\d+) or newer/.exec(readme)?.[1];
  assert.ok(minimum, 'the README names the oldest Node.js it supports');
  const lockFile = path.join(root, 'package-lock.json');
  for (const version of [`${minimum}.0`, process.versions.node])
    assert.deepEqual(
      packagesRefusingNode(lockFile, version),
      [],
      `npm would warn EBADENGINE on Node ${version}`,
    );
});
