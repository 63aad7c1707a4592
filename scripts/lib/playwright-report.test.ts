import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parsePlaywrightReport, type PlaywrightReport } from './playwright-report.js';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/playwright-report.json', import.meta.url), 'utf8'),
) as PlaywrightReport;

describe("Playwright's JSON report", () => {
  const counts = parsePlaywrightReport(fixture);

  it('counts a flaky test as passed, and the failed one as failed, by name', () => {
    assert.equal(counts.passed, 2);
    assert.equal(counts.failed, 1);
    assert.deepEqual(counts.failures, ['demo.spec.ts > group > fails']);
  });

  it('names the test that passed only on a retry', () => {
    assert.deepEqual(counts.passedOnRetry, ['demo.spec.ts > group > flaky once (after 1 retry)']);
  });

  it('names skipped and fixme tests with the reason given', () => {
    assert.deepEqual(counts.notRun, [
      { name: 'demo.spec.ts > skipped on purpose', kind: 'skipped', reason: 'needs a second browser' },
      { name: 'demo.spec.ts > not written yet', kind: 'skipped' },
    ]);
  });

  it('counts an error outside any test, such as a web server that did not start, as a failure', () => {
    const broken = parsePlaywrightReport({
      suites: [],
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      errors: [{ message: 'Error: Timed out waiting 90000ms from config.webServer.' }],
    });
    assert.equal(broken.failed, 1);
    assert.deepEqual(broken.failures, [
      'outside any test: Error: Timed out waiting 90000ms from config.webServer.',
    ]);
  });
});
