import { z } from 'zod';

/**
 * Characters no name a person types contains: C0 and C1 control characters and DEL (invisible,
 * and NUL cannot be stored in a PostgreSQL text column at all), the line and paragraph
 * separators, and the bidirectional controls that can make a name read backwards on screen.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const controlCharacterPattern = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Half of a surrogate pair on its own: not text, and stored as U+FFFD if at all. */
export const loneSurrogatePattern = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A name or label on one line: trimmed, 1 to `max` characters, no control characters. */
export function singleLineTextSchema(messages: { empty: string }, max = 80) {
  return z
    .string()
    .trim()
    .min(1, messages.empty)
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !controlCharacterPattern.test(value) && !loneSurrogatePattern.test(value), {
      message: 'Remove line breaks, tabs and other invisible control characters.',
    });
}

/**
 * Control characters and the line and paragraph separators: what no one-line search holds. The
 * bidirectional controls stay searchable: names read from TikTok may hold them.
 */
const lineBreakOrControlPattern = /[\p{Cc}\u2028\u2029]/u;

/** What a search box sends: trimmed, up to 200 characters, on one line. */
export const searchTextSchema = z
  .string()
  .trim()
  .max(200, 'Search for at most 200 characters.')
  .refine(
    (value) => !lineBreakOrControlPattern.test(value) && !loneSurrogatePattern.test(value),
    'Search for text without line breaks or control characters.',
  );
