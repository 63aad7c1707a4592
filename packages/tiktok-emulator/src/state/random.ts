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

/**
 * A class rather than closures: reports make one generator per ad-hour (over a million a call),
 * and shared prototype methods cost nothing per generator where fresh closures (each also named
 * by tsx's transform) dominated the report's time.
 */
class Mulberry32 implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let mixed = this.state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  }

  integer(minimum: number, maximum: number): number {
    return minimum + Math.floor(this.next() * (maximum - minimum + 1));
  }

  digits(count: number): string {
    return this.fromAlphabet('0123456789', count);
  }

  hex(count: number): string {
    return this.fromAlphabet('0123456789abcdef', count);
  }

  alphanumeric(count: number): string {
    return this.fromAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', count);
  }

  private fromAlphabet(alphabet: string, count: number): string {
    let text = '';
    for (let index = 0; index < count; index += 1)
      text += alphabet[Math.floor(this.next() * alphabet.length)];
    return text;
  }
}

export function createRandom(seed: number): Random {
  return new Mulberry32(seed);
}

/** FNV-1a's starting state; `extendHash(hashStart, text) >>> 0` is `hashToSeed(text)`. */
export const hashStart = 2166136261;

/** A stable hash of strings to a 32-bit seed, so report metrics depend on (seed, entity, hour) only. */
export function hashToSeed(...parts: (string | number)[]): number {
  return extendHash(hashStart, parts.join('|')) >>> 0;
}

/**
 * FNV-1a reads its input left to right, so a prefix shared by many keys (a report's seed and ad)
 * can be hashed once and extended per key (each hour): the same seed as hashing the whole text.
 */
export function extendHash(state: number, text: string): number {
  let hash = state;
  // Code point by code point, as `for…of` reads a string, without making a string per character.
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index) ?? 0;
    hash ^= codePoint;
    hash = Math.imul(hash, 16777619);
    index += codePoint > 0xffff ? 2 : 1;
  }
  return hash;
}
