import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finalLine, formatDuration, Summary } from './summary.js';
import type { TestCounts } from './test-counts.js';

const allowed = [{ test: 'db > races on PostgreSQL', reason: 'PGlite is one process with one connection' }];

const counts = (overrides: Partial<TestCounts> = {}): TestCounts => ({
  passed: 5,
  failed: 0,
  failures: [],
  notRun: [],
  passedOnRetry: [],
  ...overrides,
});

describe('the run summary', () => {
  it('fails a skipped or todo test under CI unless the allow-list names it, and names each', () => {
    const summary = new Summary({ ci: true, allowed, allowListName: 'scripts/allowed-skips.json' });
    summary.runner(
      'node tests',
      counts({
        notRun: [
          { name: 'db > races on PostgreSQL', kind: 'skipped', reason: 'PGlite' },
          { name: 'routes > scans the bundle', kind: 'skipped', reason: 'not built' },
          { name: 'later', kind: 'todo' },
        ],
      }),
      0,
    );
    assert.deepEqual([summary.passed, summary.failed, summary.skipped], [5, 2, 3]);
    assert.deepEqual(summary.notes, [
      'skipped in node tests: db > races on PostgreSQL: allowed, PGlite is one process with one connection',
      'skipped in node tests: routes > scans the bundle (not built): under CI=true only the tests in scripts/allowed-skips.json may be skipped',
      'todo in node tests: later: under CI=true only the tests in scripts/allowed-skips.json may be skipped',
    ]);
    assert.equal(summary.exitCode(), 1);
    assert.deepEqual(summary.unusedAllowances(), []);
  });

  it('outside CI names skipped tests without failing the run', () => {
    const summary = new Summary({ ci: false, allowed });
    summary.runner('vitest', counts({ notRun: [{ name: 'a.test.tsx > later', kind: 'skipped' }] }), 0);
    assert.deepEqual([summary.passed, summary.failed, summary.skipped], [5, 0, 1]);
    assert.deepEqual(summary.notes, ['skipped in vitest: a.test.tsx > later']);
    assert.equal(summary.exitCode(), 0);
    assert.deepEqual(summary.unusedAllowances(), allowed);
  });

  it('counts a test that passed on a retry as passed, and names it', () => {
    const summary = new Summary({ ci: true, allowed: [] });
    summary.runner(
      'browser journeys',
      counts({ passed: 3, passedOnRetry: ['a.spec.ts > connects (after 1 retry)'] }),
      0,
    );
    assert.deepEqual([summary.passed, summary.failed], [3, 0]);
    assert.deepEqual(summary.notes, ['passed only on a retry: a.spec.ts > connects (after 1 retry)']);
  });

  it('names each failed test', () => {
    const summary = new Summary({ ci: false, allowed: [] });
    summary.runner('vitest', counts({ failed: 1, failures: ['a.test.tsx > shows the form'] }), 1);
    assert.deepEqual([summary.passed, summary.failed], [5, 1]);
    assert.deepEqual(summary.notes, ['failed in vitest: a.test.tsx > shows the form']);
  });

  it('counts a runner that exits non-zero without a failing test, or writes no report, as one failure', () => {
    const summary = new Summary({ ci: false, allowed: [] });
    summary.runner('vitest', counts(), 1);
    summary.runner('browser journeys', undefined, 0);
    summary.step('npm run check', 2);
    summary.step('web build', 0);
    assert.deepEqual([summary.passed, summary.failed], [6, 3]);
    assert.deepEqual(summary.notes, [
      'vitest failed (exit 1)',
      'browser journeys (no report written) failed (exit 1)',
      'npm run check failed (exit 2)',
    ]);
  });

  it('fails a tier that cannot run under CI, and explains how to run it outside', () => {
    const ci = new Summary({ ci: true, allowed: [] });
    ci.skipStage('browser journeys', 'Chromium is not installed', 'Install chromium.');
    assert.deepEqual([ci.failed, ci.skipped], [1, 1]);
    const local = new Summary({ ci: false, allowed: [] });
    local.skipStage('browser journeys', 'Chromium is not installed', 'Install chromium.');
    assert.deepEqual([local.failed, local.skipped], [0, 1]);
    assert.deepEqual(local.notes, ['SKIPPED browser journeys: Chromium is not installed. Install chromium.']);
  });

  it('ends with the stage times and then the plain one-line verdict', () => {
    const summary = new Summary({ ci: false, allowed: [] });
    summary.runner('node tests', counts({ passed: 340, failed: 2, failures: ['a', 'b'] }), 1);
    summary.time({ stage: 'check', milliseconds: 27_400 });
    summary.time({ stage: 'vitest', milliseconds: 31_000, alongside: ['PGlite pass'] });
    const lines = summary.lines({ 'npm test': 215_000, '.ci/run': 230_000 });
    assert.deepEqual(lines.slice(-6), [
      'Stage times:',
      '  check         27.4 s',
      '  vitest        31.0 s  (alongside PGlite pass)',
      '  npm test  3 min 35 s',
      '  .ci/run   3 min 50 s',
      '340 passed, 2 failed',
    ]);
    assert.match(lines.at(-1)!, /^\d+ passed, \d+ failed(, \d+ skipped)?$/);
  });
});

describe('the verdict line and durations', () => {
  it('adds the skipped count only when there is one', () => {
    assert.equal(finalLine({ passed: 350, failed: 0, skipped: 0 }), '350 passed, 0 failed');
    assert.equal(finalLine({ passed: 349, failed: 0, skipped: 1 }), '349 passed, 0 failed, 1 skipped');
  });

  it('prints seconds under a minute and minutes from one', () => {
    assert.equal(formatDuration(1_234), '1.2 s');
    assert.equal(formatDuration(59_940), '59.9 s');
    assert.equal(formatDuration(65_000), '1 min 05 s');
    assert.equal(formatDuration(215_400), '3 min 35 s');
  });
});
