import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findAllowedSkip, parseAllowedSkips, readAllowedSkips } from './allowed-skips.js';

describe('the allow-list of skipped tests', () => {
  it('reads each entry with its test name and reason', () => {
    const allowed = parseAllowedSkips(
      JSON.stringify({ allowed: [{ test: 'suite > a test', reason: 'cannot run on this engine' }] }),
    );
    assert.deepEqual(findAllowedSkip(allowed, 'suite > a test'), {
      test: 'suite > a test',
      reason: 'cannot run on this engine',
    });
    assert.equal(findAllowedSkip(allowed, 'suite > another test'), undefined);
    assert.equal(findAllowedSkip(allowed, 'suite > a tes'), undefined, 'names match whole, not by prefix');
  });

  it('refuses an entry without a reason, or a file of another shape', () => {
    assert.throws(() => parseAllowedSkips(JSON.stringify({ allowed: [{ test: 'x' }] })), /needs a "reason"/);
    assert.throws(
      () => parseAllowedSkips(JSON.stringify({ allowed: [{ reason: 'because it is so' }] })),
      /no "test"/,
    );
    assert.throws(() => parseAllowedSkips(JSON.stringify([])), /expected \{ "allowed"/);
  });

  it("parses the repository's own list, whose every entry names a test and a reason", () => {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../allowed-skips.json');
    assert.ok(readAllowedSkips(file).length >= 1);
  });
});
