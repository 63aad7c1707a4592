// A small seeded generator (mulberry32) so that a given seed always yields the same ids, tokens,
// faults and metrics: issue 3 §9 asks for determinism per seed, and Math.random cannot be seeded.
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  integer(minimum: number, maximum: number): number;
  digits(count: number): string;
  hex(count: number): string;
  alphanumeric(count: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const fromAlphabet = (alphabet: string, count: number): string => {
    let text = '';
    for (let index = 0; index < count; index += 1) text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  };
  return {
    next,
    integer: (minimum, maximum) => minimum + Math.floor(next() * (maximum - minimum + 1)),
    digits: (count) => fromAlphabet('0123456789', count),
    hex: (count) => fromAlphabet('0123456789abcdef', count),
    alphanumeric: (count) => fromAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', count),
  };
}

/** A stable hash of strings to a 32-bit seed, so report metrics depend on (seed, entity, hour) only. */
export function hashToSeed(...parts: (string | number)[]): number {
  let hash = 2166136261;
  for (const character of parts.join('|')) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
