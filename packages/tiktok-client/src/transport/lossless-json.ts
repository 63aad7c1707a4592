// Reference §9 and issue 4: TikTok ids and permission ids can exceed 2^53, and JSON.parse would
// round them. Before parsing, every integer literal outside Number's safe range is wrapped in
// quotes, so it reaches our code as the exact digit string. Digits inside strings are untouched:
// the scan tracks string state, escapes included. JSON.parse still does all the validation.

const isDigit = (character: string | undefined): boolean =>
  character !== undefined && character >= '0' && character <= '9';

/**
 * Parses JSON text, returning integers that `Number` cannot hold exactly as strings. Every string,
 * keys included, comes out as text PostgreSQL can store in text and jsonb: NUL characters are
 * dropped (they carry no meaning in anything TikTok sends), and a lone half of a surrogate pair
 * becomes U+FFFD, as `String.prototype.toWellFormed` does. JSON can only carry either as a `\u`
 * escape (a UTF-8 body decodes to no lone surrogate), so the (slower) reviver runs only when the
 * text holds one of those escapes.
 */
export function parseLosslessJson(text: string): unknown {
  const quoted = quoteUnsafeIntegers(text);
  return storableEscape.test(quoted) ? JSON.parse(quoted, storable) : JSON.parse(quoted);
}

/** `\u0000`, or `\uD800` to `\uDFFF` (a surrogate, which may be half of a pair or alone). */
const storableEscape = /\\u(?:0000|d[89a-f][0-9a-f]{2})/i;
// With the `u` flag `\p{Cs}` matches only a lone surrogate, never half of a well-formed pair.
// eslint-disable-next-line no-control-regex -- NUL is what this removes
const unstorable = /\u0000|\p{Cs}/u;
// eslint-disable-next-line no-control-regex -- NUL is what this removes
const everyUnstorable = /\u0000|\p{Cs}/gu;

/** Drops NUL, and makes the string well-formed as `String.prototype.toWellFormed` does. */
const storableText = (text: string): string =>
  text.replace(everyUnstorable, (character) => (character === '\u0000' ? '' : '\uFFFD'));

function storable(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  // Keys are strings too: an object with an unstorable key is rebuilt, its order kept.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (Object.keys(value).some((key) => unstorable.test(key)))
      return Object.fromEntries(Object.entries(value).map(([key, each]) => [storableText(key), each]));
  }
  return value;
}

/**
 * A JSON number outside a string follows `:`, `[` or `,` (and maybe whitespace), and one outside
 * Number's safe range has at least 16 digits. Text without that sequence anywhere has no unsafe
 * integer, which spares the scan below on most answers (ids come as strings in most of them).
 */
const possiblyUnsafeInteger = /[:[,]\s*-?\d{16}/;

export function quoteUnsafeIntegers(text: string): string {
  if (!possiblyUnsafeInteger.test(text)) return text;
  let output = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character === '"') {
      index = endOfString(text, index);
      continue;
    }
    if (character === '-' || isDigit(character)) {
      const start = index;
      index += 1;
      while (index < text.length && /[0-9eE.+-]/.test(text[index] ?? '')) index += 1;
      const literal = text.slice(start, index);
      if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        output += `${text.slice(copiedUpTo, start)}"${literal}"`;
        copiedUpTo = index;
      }
      continue;
    }
    index += 1;
  }
  return copiedUpTo === 0 ? text : output + text.slice(copiedUpTo);
}

/** The index just past the closing quote of the string that opens at `start` (or the text's end). */
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const character = text[index];
    if (character === '\\') index += 2;
    else if (character === '"') return index + 1;
    else index += 1;
  }
  return index;
}
