// Reference §9 and issue 4: TikTok ids and permission ids can exceed 2^53, and JSON.parse would
// round them. Before parsing, every integer literal outside Number's safe range is wrapped in
// quotes, so it reaches our code as the exact digit string. Digits inside strings are untouched:
// the scan tracks string state, escapes included. JSON.parse still does all the validation.

const isDigit = (character: string | undefined): boolean =>
  character !== undefined && character >= '0' && character <= '9';

/**
 * Parses JSON text, returning integers that `Number` cannot hold exactly as strings. NUL
 * characters are dropped from every string: they carry no meaning in anything TikTok sends, and
 * PostgreSQL can store them in neither text nor jsonb. JSON can only carry one escaped, so the
 * (slower) reviver runs only when the text holds that escape.
 */
export function parseLosslessJson(text: string): unknown {
  const quoted = quoteUnsafeIntegers(text);
  return /\\u0000/i.test(quoted) ? JSON.parse(quoted, withoutNul) : JSON.parse(quoted);
}

const withoutNul = (_key: string, value: unknown): unknown =>
  typeof value === 'string' ? value.replaceAll('\u0000', '') : value;

export function quoteUnsafeIntegers(text: string): string {
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
