import { findAllowedSkip, type AllowedSkip } from './allowed-skips.js';
import type { TestCounts } from './test-counts.js';

export interface StageTime {
  stage: string;
  milliseconds: number;
  /** Other stages it ran alongside, so overlapping times are read as such. */
  alongside?: string[];
}

/** `42.1 s` under a minute, `3 min 05 s` from one. */
export function formatDuration(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}

/** The last line of every run, which CI reads: plain, one line, always in this shape. */
export function finalLine(totals: { passed: number; failed: number; skipped: number }): string {
  return `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
}

/**
 * Adds up every tier of `npm test` into one verdict. Under CI nothing may be skipped but the tests
 * in the allow-list: any other skipped or todo test counts as a failure there, and is named either
 * way. A test that passed only on a retry counts as passed and is named.
 */
export class Summary {
  passed = 0;
  failed = 0;
  skipped = 0;
  readonly notes: string[] = [];
  readonly times: StageTime[] = [];
  readonly #ci: boolean;
  readonly #allowed: AllowedSkip[];
  readonly #allowListName: string;
  readonly #seenAllowed = new Set<string>();

  constructor(options: { ci: boolean; allowed: AllowedSkip[]; allowListName?: string }) {
    this.#ci = options.ci;
    this.#allowed = options.allowed;
    this.#allowListName = options.allowListName ?? 'the allow-list';
  }

  /** A step that is not a test runner counts as one test: it passed or it failed. */
  step(name: string, exitCode: number): void {
    if (exitCode === 0) this.passed += 1;
    else {
      this.failed += 1;
      this.notes.push(`${name} failed (exit ${exitCode})`);
    }
  }

  /** A whole tier that cannot run here; a failure under CI. Returns the message to print. */
  skipStage(what: string, why: string, howToRun: string): string {
    this.skipped += 1;
    if (this.#ci) {
      this.failed += 1;
      this.notes.push(`${what} cannot be skipped under CI=true: ${why}`);
    } else this.notes.push(`SKIPPED ${what}: ${why}. ${howToRun}`);
    return `SKIPPED ${what}: ${why}. ${howToRun}`;
  }

  /**
   * One runner's results. `counts` is undefined when it wrote no report; a runner that exits
   * non-zero without a failing test (a crash, a timeout outside any test) is one failure.
   */
  runner(name: string, counts: TestCounts | undefined, exitCode: number): void {
    if (!counts) {
      this.step(`${name} (no report written)`, exitCode || 1);
      return;
    }
    this.passed += counts.passed;
    this.failed += counts.failed;
    for (const failure of counts.failures) this.notes.push(`failed in ${name}: ${failure}`);
    if (exitCode !== 0 && counts.failed === 0) this.step(name, exitCode);
    for (const test of counts.notRun) {
      this.skipped += 1;
      const label = `${test.kind === 'todo' ? 'todo' : 'skipped'} in ${name}: ${test.name}`;
      const why = test.reason ? ` (${test.reason})` : '';
      const allowed = findAllowedSkip(this.#allowed, test.name);
      if (allowed) {
        this.#seenAllowed.add(allowed.test);
        this.notes.push(`${label}: allowed, ${allowed.reason}`);
      } else if (this.#ci) {
        this.failed += 1;
        this.notes.push(
          `${label}${why}: under CI=true only the tests in ${this.#allowListName} may be skipped`,
        );
      } else this.notes.push(`${label}${why}`);
    }
    for (const name of counts.passedOnRetry) this.notes.push(`passed only on a retry: ${name}`);
  }

  time(time: StageTime): void {
    this.times.push(time);
  }

  /** Allow-list entries no run skipped: stale, or their tier did not run. */
  unusedAllowances(): AllowedSkip[] {
    return this.#allowed.filter((entry) => !this.#seenAllowed.has(entry.test));
  }

  /**
   * The summary block: notes, stage times and, last, the one-line verdict. `totals` are wall
   * times of the whole, such as `{ total: … }`, printed after the stages.
   */
  lines(totals: Record<string, number>): string[] {
    const rows: [string, number, string][] = [
      ...this.times.map((time): [string, number, string] => [
        time.stage,
        time.milliseconds,
        time.alongside?.length ? `  (alongside ${time.alongside.join(', ')})` : '',
      ]),
      ...Object.entries(totals).map(([name, milliseconds]): [string, number, string] => [
        name,
        milliseconds,
        '',
      ]),
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    return [
      ...this.notes.map((note) => `- ${note}`),
      'Stage times:',
      ...rows.map(
        ([name, milliseconds, after]) =>
          `  ${name.padEnd(width)}  ${formatDuration(milliseconds).padStart(10)}${after}`,
      ),
      finalLine(this),
    ];
  }

  exitCode(): number {
    return this.failed > 0 ? 1 : 0;
  }
}
