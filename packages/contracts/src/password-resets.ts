import { z } from 'zod';
import { newPasswordSchema } from './auth.js';
import { emailSchema } from './email.js';

/** How long a password reset link works, once. */
export const passwordResetLinkMinutes = 30;

export const requestPasswordResetInputSchema = z.strictObject({ email: emailSchema });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInputSchema>;

export const passwordResetTokenParamsSchema = z.strictObject({ token: z.string().min(1).max(200) });

/** What the reset page shows before a new password is chosen. */
export const passwordResetSchema = z.object({
  email: z.string(),
  expiresAt: z.iso.datetime(),
});
export type PasswordReset = z.infer<typeof passwordResetSchema>;

export const completePasswordResetInputSchema = z.strictObject({ password: newPasswordSchema });
export type CompletePasswordResetInput = z.infer<typeof completePasswordResetInputSchema>;
