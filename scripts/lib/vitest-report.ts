import path from 'node:path';
import { titlePath, withUnnamed, type NotRunTest, type TestCounts } from './test-counts.js';

interface VitestAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
  meta?: { retryCount?: number };
}

export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: VitestAssertion[] }[];
}

/**
 * Reads vitest's JSON report. Skipped (`skipped`, `pending`) and `todo` tests are named by file
 * and titles. The report carries no retry count of its own: the web tests' setup file copies it
 * into each test's `meta.retryCount`, so a test that passed only on a retry is named too.
 */
export function parseVitestReport(report: VitestReport, root: string): TestCounts {
  const notRun: NotRunTest[] = [];
  const passedOnRetry: string[] = [];
  const failures: string[] = [];
  for (const file of report.testResults) {
    const relative = path.relative(root, file.name);
    for (const test of file.assertionResults) {
      const name = titlePath([relative, ...test.ancestorTitles, test.title]);
      if (test.status === 'skipped' || test.status === 'pending') notRun.push({ name, kind: 'skipped' });
      else if (test.status === 'todo') notRun.push({ name, kind: 'todo' });
      else if (test.status === 'failed') failures.push(name);
      else if (test.status === 'passed' && (test.meta?.retryCount ?? 0) > 0)
        passedOnRetry.push(
          `${name} (after ${test.meta!.retryCount} ${plural(test.meta!.retryCount!, 'retry', 'retries')})`,
        );
    }
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    failures,
    notRun: withUnnamed(withUnnamed(notRun, report.numPendingTests, 'skipped'), report.numTodoTests, 'todo'),
    passedOnRetry,
  };
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);
