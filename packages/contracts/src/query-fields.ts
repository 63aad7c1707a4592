import { z } from 'zod';

/** A TikTok id as the URL carries it: digits only (TikTok's ids are 64-bit numbers). */
export const tiktokIdField = z.string().regex(/^\d{1,20}$/, 'Not a TikTok id.');

/** A comma-separated list in the URL, each item checked, at most `most` of them. */
export const commaListField = (item: z.ZodType<string, string>, most: number, what: string) =>
  z
    .string()
    .transform((value) => (value === '' ? [] : value.split(',')))
    .pipe(z.array(item).max(most, `At most ${most} ${what}.`));
