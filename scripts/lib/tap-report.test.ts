import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTapReport } from './tap-report.js';

const fixture = readFileSync(new URL('./fixtures/node-runner.tap', import.meta.url), 'utf8');

describe("node's TAP report", () => {
  it('takes the pass and fail counts from the closing lines', () => {
    const counts = parseTapReport(fixture);
    assert.equal(counts.passed, 3);
    assert.equal(counts.failed, 1);
    assert.deepEqual(counts.passedOnRetry, []);
  });

  it('names a failed test with its suites, and not the suites that fail with it', () => {
    assert.deepEqual(parseTapReport(fixture).failures, ['outer suite > inner > fails']);
  });

  it('names every skipped and todo test with its suites and reason, a skipped suite included', () => {
    assert.deepEqual(parseTapReport(fixture).notRun, [
      { name: 'outer suite > skips with reason', kind: 'skipped', reason: 'PGlite is one process' },
      { name: 'outer suite > inner > is todo', kind: 'todo', reason: 'later' },
      { name: 'runtime skip', kind: 'skipped', reason: 'not built' },
      { name: 'plain skip', kind: 'skipped' },
      { name: 'skipped suite', kind: 'skipped' },
      {
        name: 'database layer on pglite > applies a migration once when several processes migrate at the same moment',
        kind: 'skipped',
        reason: 'PGlite is one process with one connection',
      },
      { name: 'write this', kind: 'todo' },
    ]);
  });

  it('reads an escaped # as part of the name, not as a directive', () => {
    const counts = parseTapReport(
      ['# Subtest: b \\# SKIP in name', 'ok 1 - b \\# SKIP in name', '1..1', '# pass 1', '# fail 0'].join(
        '\n',
      ),
    );
    assert.deepEqual(counts.notRun, []);
    assert.equal(counts.passed, 1);
  });

  it('counts cancelled tests as failed, and keeps a count it could not name', () => {
    const counts = parseTapReport(
      ['# pass 2', '# fail 1', '# cancelled 2', '# skipped 1', '# todo 0'].join('\n'),
    );
    assert.equal(counts.failed, 3);
    assert.deepEqual(counts.notRun, [
      { name: '(a skipped test whose name was not reported)', kind: 'skipped' },
    ]);
  });

  it('reads an empty report as nothing run', () => {
    assert.deepEqual(parseTapReport(''), {
      passed: 0,
      failed: 0,
      failures: [],
      notRun: [],
      passedOnRetry: [],
    });
  });
});
