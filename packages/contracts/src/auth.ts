import { z } from 'zod';
import { singleLineTextSchema } from './text.js';
import { workspaceNameSchema, workspaceSummarySchema } from './workspaces.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email addresses are at most 254 characters.')
  .pipe(z.email('Enter a valid email address.'));

/** NIST 800-63B: length over composition rules; 12 characters minimum, generous maximum. */
export const newPasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters.')
  .max(200, 'Use at most 200 characters.');

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
