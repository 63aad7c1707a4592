import { titlePath, withUnnamed, type NotRunTest, type TestCounts } from './test-counts.js';

const resultLine = /^(\s*)(not ok|ok) \d+ - (.*)$/;
const subtestLine = /^(\s*)# Subtest: (.*)$/;

/** Node's runner escapes `#` and `\` in names; a directive starts at the first unescaped ` # `. */
function splitDirective(rest: string): { name: string; directive?: { kind: string; reason: string } } {
  for (let index = 0; index < rest.length; index += 1) {
    if (rest[index] === '\\') {
      index += 1;
      continue;
    }
    if (rest.startsWith(' # ', index)) {
      const match = /^(SKIP|TODO)\b\s*(.*)$/i.exec(rest.slice(index + 3));
      if (match) return { name: rest.slice(0, index), directive: { kind: match[1]!, reason: match[2]! } };
    }
  }
  return { name: rest };
}

const unescape = (name: string) => name.replace(/\\(.)/g, '$1');

/**
 * Reads a TAP report written by node's test runner: its closing `# pass`, `# fail`,
 * `# cancelled`, `# skipped` and `# todo` counts, the names of failed tests, and the names of
 * skipped and todo tests from the `# SKIP` / `# TODO` directives, each with the suites it is
 * nested in. A skipped suite is named too: node leaves its tests out of every count.
 */
export function parseTapReport(text: string): TestCounts {
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  // The names of the suites enclosing the current line, by indentation (4 spaces a level).
  const open: string[] = [];
  const notRun: NotRunTest[] = [];
  const failures: string[] = [];
  for (const line of text.split('\n')) {
    const subtest = subtestLine.exec(line);
    if (subtest) {
      const depth = subtest[1]!.length / 4;
      open.length = depth;
      open[depth] = unescape(subtest[2]!);
      continue;
    }
    const result = resultLine.exec(line);
    if (!result) continue;
    const depth = result[1]!.length / 4;
    const { name, directive } = splitDirective(result[3]!);
    open.length = depth;
    if (!directive) {
      if (result[2] === 'not ok') failures.push(titlePath([...open, unescape(name)]));
      continue;
    }
    notRun.push({
      name: titlePath([...open, unescape(name)]),
      kind: directive.kind.toUpperCase() === 'SKIP' ? 'skipped' : 'todo',
      ...(directive.reason ? { reason: unescape(directive.reason) } : {}),
    });
  }
  return {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    // A suite fails with its tests: name the tests, not the suites around them.
    failures: failures.filter((name) => !failures.some((other) => other.startsWith(`${name} > `))),
    notRun: withUnnamed(withUnnamed(notRun, count('skipped'), 'skipped'), count('todo'), 'todo'),
    passedOnRetry: [],
  };
}
