import { z } from 'zod';
import { commonPasswords } from './common-passwords.js';
import { emailSchema } from './email.js';
import { singleLineTextSchema } from './text.js';
import { workspaceNameSchema, workspaceSummarySchema } from './workspaces.js';

/** Fewer different characters than this (`aaaaaaaaaaaa`, `abababababab`) is guessed at once, whatever the length. */
export const minimumDistinctPasswordCharacters = 5;

/** What the new-password fields say under the input; it names every rule of `newPasswordSchema`. */
export const newPasswordHint =
  'At least 12 characters, 5 of them different, and not a common password. A short phrase is easy to remember.';

/**
 * NIST SP 800-63B: length over composition rules (12 characters minimum, a generous maximum), and
 * a blocklist instead of complexity: passwords of very few different characters, and the most
 * common long ones, are refused. Checked offline, in the browser and on the server alike.
 */
export const newPasswordSchema = z
  .string('Enter a password.')
  .min(12, 'Use at least 12 characters.')
  .max(200, 'Use at most 200 characters.')
  .refine((password) => new Set(password).size >= minimumDistinctPasswordCharacters, {
    message: `Use at least ${minimumDistinctPasswordCharacters} different characters: a few characters repeated are guessed at once.`,
  })
  .refine((password) => !commonPasswords.has(password.toLowerCase()), {
    message: 'This is one of the most common passwords, which are guessed first. Choose another.',
  });

export const displayNameSchema = singleLineTextSchema({ empty: 'Enter a name.' });

export const signUpInputSchema = z.strictObject({
  name: displayNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  /** Required unless the sign-up accepts an invitation, which brings its own workspace. */
  workspaceName: workspaceNameSchema.optional(),
  invitationToken: z.string().min(1).max(200).optional(),
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const logInInputSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200, 'Use at most 200 characters.'),
});
export type LogInInput = z.infer<typeof logInInputSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
});
export type User = z.infer<typeof userSchema>;

/**
 * What the browser knows about its session. `csrfToken` must be echoed in the `X-CSRF-Token`
 * header of every state-changing request.
 */
export const sessionResponseSchema = z.object({
  user: userSchema.nullable(),
  workspaces: z.array(workspaceSummarySchema),
  activeWorkspaceId: z.uuid().nullable(),
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const csrfHeaderName = 'x-csrf-token';
