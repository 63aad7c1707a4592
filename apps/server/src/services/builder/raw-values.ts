/**
 * Lenient readers of TikTok's objects as the mirror stored them (style.md principle 4): each takes
 * whatever TikTok sent and answers a value the builder's contract accepts, or a blank.
 */

export type Raw = Record<string, unknown>;

const tiktokId = /^\d{1,20}$/;
const tiktokTime = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string as saved, cut to the contract's cap (never mid-character); anything else is empty. */
export function text(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export function known<Value extends string>(values: readonly Value[], value: string): Value | null {
  return (values as readonly string[]).includes(value) ? (value as Value) : null;
}

export function knownList<Value extends string>(values: readonly Value[], list: unknown): Value[] {
  return unique(strings(list).flatMap((value) => known(values, value) ?? []));
}

export function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.filter((value): value is string => typeof value === 'string') : [];
}

/** TikTok's ids, whether sent as strings or numbers; anything that is not one is dropped. */
export function ids(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value) => {
    const candidate = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    return typeof candidate === 'string' && tiktokId.test(candidate) ? [candidate] : [];
  });
}

export function id(value: unknown): string | null {
  return ids([value])[0] ?? null;
}

export function unique<Value>(values: Value[]): Value[] {
  return [...new Set(values)];
}

/** A budget or bid TikTok has: a positive amount (TikTok writes 0 for "none"), else null. */
export function money(value: unknown): number | null {
  const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof amount === 'number' && Number.isFinite(amount) && amount > 0 && amount <= 1e12
    ? amount
    : null;
}

export function size(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

export function time(value: unknown): string | null {
  return typeof value === 'string' && tiktokTime.test(value) ? value : null;
}

/** Paused, or anything but on (TikTok's frozen states): the builder shows it as off. */
export function operationStatus(value: unknown): 'ENABLE' | 'DISABLE' {
  return value === 'ENABLE' ? 'ENABLE' : 'DISABLE';
}
