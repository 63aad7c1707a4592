import { z } from 'zod';

/**
 * An email address as people type it: trimmed and lower-cased. An empty field asks for the
 * address rather than calling it invalid. Its own module, so that auth and workspaces (which
 * auth imports) can both use it.
 */
export const emailSchema = z
  .string('Enter your email address.')
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'Email addresses are at most 254 characters.')
  .pipe(z.email('Enter a valid email address.'));
