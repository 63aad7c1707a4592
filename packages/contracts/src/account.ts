import { z } from 'zod';
import { newPasswordSchema } from './auth.js';

/** Changing the password while logged in: the current one proves it is the owner asking. */
export const changePasswordInputSchema = z
  .strictObject({
    currentPassword: z
      .string('Enter your current password.')
      .min(1, 'Enter your current password.')
      .max(200, 'Use at most 200 characters.'),
    newPassword: newPasswordSchema,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from your current one.',
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

/** Every other session of the user ends with the change; this one stays. */
export const changePasswordResponseSchema = z.object({ otherSessionsEnded: z.number().int().min(0) });
export type ChangePasswordResponse = z.infer<typeof changePasswordResponseSchema>;
