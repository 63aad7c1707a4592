import { readFileSync } from 'node:fs';

/** One test that may be skipped under CI, and why. */
export interface AllowedSkip {
  /** The name the summary gives it: its titles (for vitest and Playwright, its file first) joined with " > ". */
  test: string;
  reason: string;
}

/**
 * Parses the allow-list file: `{ "allowed": [{ "test": "…", "reason": "…" }] }`. Every entry
 * needs both, and a reason a reader can check, so the list cannot quietly grow into a mute button.
 */
export function parseAllowedSkips(text: string, source = 'the allow-list'): AllowedSkip[] {
  const parsed = JSON.parse(text) as { allowed?: unknown };
  if (!Array.isArray(parsed.allowed)) throw new Error(`${source}: expected { "allowed": [ … ] }`);
  return parsed.allowed.map((entry: unknown, index) => {
    const { test, reason } = (entry ?? {}) as Partial<Record<string, unknown>>;
    if (typeof test !== 'string' || test.trim() === '')
      throw new Error(`${source}: entry ${index + 1} has no "test" name`);
    if (typeof reason !== 'string' || reason.trim().length < 10)
      throw new Error(`${source}: entry ${index + 1} ("${test}") needs a "reason"`);
    return { test, reason };
  });
}

export function readAllowedSkips(file: string): AllowedSkip[] {
  return parseAllowedSkips(readFileSync(file, 'utf8'), file);
}

export function findAllowedSkip(allowed: AllowedSkip[], name: string): AllowedSkip | undefined {
  return allowed.find((entry) => entry.test === name);
}
