/** A test that did not run: skipped, or marked todo. */
export interface NotRunTest {
  /** Its titles from the file (or outermost suite) down, joined with " > ". */
  name: string;
  kind: 'skipped' | 'todo';
  reason?: string;
}

/** What one test runner reported, in the terms the summary uses. */
export interface TestCounts {
  passed: number;
  failed: number;
  /** The names of the failed tests, so the summary says which. */
  failures: string[];
  notRun: NotRunTest[];
  /** Tests that failed first and passed on a retry: they count as passed, and are named. */
  passedOnRetry: string[];
}

export const titlePath = (titles: string[]): string => titles.filter(Boolean).join(' > ');

/**
 * Tops up named entries with unnamed ones when a runner's totals say there were more than could be
 * named, so a count is never lost because a name could not be read.
 */
export function withUnnamed(named: NotRunTest[], total: number, kind: NotRunTest['kind']): NotRunTest[] {
  const ofKind = named.filter((test) => test.kind === kind).length;
  const missing = Math.max(0, total - ofKind);
  return [
    ...named,
    ...Array.from({ length: missing }, () => ({
      name: `(a ${kind} test whose name was not reported)`,
      kind,
    })),
  ];
}
