import {
  changePasswordInputSchema,
  commonPasswords,
  createInvitationInputSchema,
  emailSchema,
  minimumDistinctPasswordCharacters,
  newPasswordHint,
  newPasswordSchema,
} from '@whathead/contracts';
import { describe, expect, it } from 'vitest';

// The contracts' rules for passwords and email addresses, which the browser and the server share.

const firstMessage = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

describe('newPasswordSchema', () => {
  it.each(['correct horse battery staple', 'a long enough password', 'abcdeabcdeab', 'Zürich 2026 Tram'])(
    'accepts %s',
    (password) => {
      expect(newPasswordSchema.safeParse(password).success).toBe(true);
    },
  );

  it.each(['aaaaaaaaaaaa', 'abababababab', 'abcdabcdabcd', '111122223333'])(
    'refuses %s, which has fewer than 5 different characters',
    (password) => {
      expect(firstMessage(newPasswordSchema.safeParse(password))).toBe(
        'Use at least 5 different characters: a few characters repeated are guessed at once.',
      );
    },
  );

  it('refuses every password on the common list, in any case', () => {
    for (const password of commonPasswords) {
      for (const typed of [
        password,
        password.toUpperCase(),
        password[0]!.toUpperCase() + password.slice(1),
      ]) {
        expect(firstMessage(newPasswordSchema.safeParse(typed)), typed).toBe(
          'This is one of the most common passwords, which are guessed first. Choose another.',
        );
      }
    }
  });

  it('keeps a short list of long passwords, each one the other rules would let through', () => {
    expect(commonPasswords.size).toBeGreaterThanOrEqual(40);
    expect(commonPasswords.size).toBeLessThanOrEqual(100);
    for (const password of commonPasswords) {
      expect(password.length, password).toBeGreaterThanOrEqual(12);
      expect(new Set(password).size, password).toBeGreaterThanOrEqual(minimumDistinctPasswordCharacters);
      expect(password, 'written in lower case').toBe(password.toLowerCase());
    }
    for (const password of ['password1234', '123456789012', 'qwertyuiopas', '1q2w3e4r5t6y']) {
      expect(commonPasswords.has(password), password).toBe(true);
    }
  });

  it('still asks for 12 characters first, and at most 200', () => {
    expect(firstMessage(newPasswordSchema.safeParse('short'))).toBe('Use at least 12 characters.');
    expect(firstMessage(newPasswordSchema.safeParse('x'.repeat(150) + 'abcde'.repeat(11)))).toBe(
      'Use at most 200 characters.',
    );
  });

  it('is described truthfully by the hint under the field', () => {
    expect(newPasswordHint).toContain('At least 12 characters');
    expect(newPasswordHint).toContain(`${minimumDistinctPasswordCharacters} of them different`);
    expect(newPasswordHint).toContain('not a common password');
  });
});

describe('changePasswordInputSchema', () => {
  it('asks for the current password and a new one that differs from it', () => {
    const empty = changePasswordInputSchema.safeParse({ currentPassword: '', newPassword: '' });
    expect(empty.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual([
      'currentPassword',
      'Enter your current password.',
    ]);
    const same = changePasswordInputSchema.safeParse({
      currentPassword: 'a long enough password',
      newPassword: 'a long enough password',
    });
    expect(same.error?.issues).toEqual([
      expect.objectContaining({
        path: ['newPassword'],
        message: 'Choose a password different from your current one.',
      }),
    ]);
  });
});

describe('emailSchema', () => {
  it.each(['', '   '])('asks for the address when the field is %j', (email) => {
    expect(firstMessage(emailSchema.safeParse(email))).toBe('Enter your email address.');
    expect(firstMessage(createInvitationInputSchema.safeParse({ email, role: 'member' }))).toBe(
      'Enter your email address.',
    );
  });

  it('calls a typed address that is not one invalid, and tidies a valid one', () => {
    expect(firstMessage(emailSchema.safeParse('not an email'))).toBe('Enter a valid email address.');
    expect(emailSchema.parse('  Ada@Example.COM ')).toBe('ada@example.com');
  });
});
