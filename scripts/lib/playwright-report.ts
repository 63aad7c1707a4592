import { titlePath, withUnnamed, type NotRunTest, type TestCounts } from './test-counts.js';

interface PlaywrightTest {
  status: 'expected' | 'unexpected' | 'flaky' | 'skipped';
  projectName?: string;
  annotations?: { type: string; description?: string }[];
  results?: { status: string; retry: number }[];
}

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; tests: PlaywrightTest[] }[];
  suites?: PlaywrightSuite[];
}

export interface PlaywrightReport {
  suites: PlaywrightSuite[];
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
}

/**
 * Reads Playwright's JSON report: `flaky` tests (failed, then passed on a retry) count as passed
 * and are named; skipped and fixme tests are named with their file and titles.
 */
export function parsePlaywrightReport(report: PlaywrightReport): TestCounts {
  const notRun: NotRunTest[] = [];
  const passedOnRetry: string[] = [];
  const failures: string[] = [];
  const visit = (suite: PlaywrightSuite, titles: string[]) => {
    const here = [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const name = titlePath([...here, spec.title]);
        if (test.status === 'skipped') {
          const note = test.annotations?.find((annotation) => ['skip', 'fixme'].includes(annotation.type));
          notRun.push({
            name,
            kind: 'skipped',
            ...(note?.description ? { reason: note.description } : {}),
          });
        } else if (test.status === 'unexpected') failures.push(name);
        else if (test.status === 'flaky') {
          const retries = Math.max(0, ...(test.results ?? []).map((result) => result.retry));
          passedOnRetry.push(`${name} (after ${retries} ${retries === 1 ? 'retry' : 'retries'})`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, here);
  };
  for (const suite of report.suites) visit(suite, []);
  return {
    passed: report.stats.expected + report.stats.flaky,
    // An error outside any test (a failing webServer or global setup) fails the run too.
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    failures: [
      ...failures,
      ...(report.errors ?? []).map(
        (error) => `outside any test: ${(error.message ?? 'an error').split('\n')[0]}`,
      ),
    ],
    notRun: withUnnamed(notRun, report.stats.skipped, 'skipped'),
    passedOnRetry,
  };
}
