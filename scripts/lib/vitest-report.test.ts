import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseVitestReport, type VitestReport } from './vitest-report.js';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/vitest-report.json', import.meta.url), 'utf8'),
) as VitestReport;

describe("vitest's JSON report", () => {
  const counts = parseVitestReport(fixture, '/repo');

  it('takes the pass and fail counts, and names the failed test', () => {
    assert.equal(counts.passed, 2);
    assert.equal(counts.failed, 1);
    assert.deepEqual(counts.failures, ['apps/web/src/demo.test.ts > suite > fails']);
  });

  it('names skipped, runtime-skipped and todo tests by file and titles', () => {
    assert.deepEqual(counts.notRun, [
      { name: 'apps/web/src/demo.test.ts > suite > skipped', kind: 'skipped' },
      { name: 'apps/web/src/demo.test.ts > suite > todo later', kind: 'todo' },
      { name: 'apps/web/src/demo.test.ts > runtime skip', kind: 'skipped' },
    ]);
  });

  it('names a test that passed only on a retry, from the retry count the setup file records', () => {
    assert.deepEqual(counts.passedOnRetry, ['apps/web/src/demo.test.ts > suite > flaky (after 1 retry)']);
  });
});
