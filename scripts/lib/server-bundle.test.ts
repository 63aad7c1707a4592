import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serverNodeFlags } from './server-bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('npm start runs the compiled server with the flags the benchmarks start it with', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const launch = manifest.scripts.start!.split('&&').at(-1)!.trim().split(/\s+/);
  assert.deepEqual(launch, ['node', ...serverNodeFlags, 'apps/server/dist/main.js']);
});
