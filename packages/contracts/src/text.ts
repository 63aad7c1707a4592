import { z } from 'zod';

/**
 * C0 and C1 control characters and DEL: never part of a name a person types, invisible where
 * they are shown, and NUL cannot be stored in a PostgreSQL text column at all.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const controlCharacterPattern = /[\u0000-\u001f\u007f-\u009f]/;

/** A name or label on one line: trimmed, 1 to `max` characters, no control characters. */
export function singleLineTextSchema(messages: { empty: string }, max = 80) {
  return z
    .string()
    .trim()
    .min(1, messages.empty)
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => !controlCharacterPattern.test(value), {
      message: 'Remove line breaks, tabs and other invisible control characters.',
    });
}
