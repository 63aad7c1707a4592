import { changePasswordInputSchema, newPasswordHint } from '@whathead/contracts';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { PasswordField } from '../../../components/ui/password-field';
import { StatusMessage } from '../../../components/ui/status-message';
import type { AuthPageState } from '../../../lib/auth-page-state';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useChangePassword } from '../api/change-password';

const fieldNames = ['currentPassword', 'newPassword'] as const;

/** Sets a new password for the logged-in user; a wrong current one counts as a failed log-in. */
export function ChangePasswordForm({ email }: { email: string }) {
  const change = useChangePassword();
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: changePasswordInputSchema,
    mutation: change,
    fieldNames,
  });
  const changed = change.data;
  const forgotPasswordState: AuthPageState = { email };

  useEffect(() => {
    // Passwords do not linger on screen once they are saved.
    if (changed) formRef.current?.reset();
  }, [changed, formRef]);

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
      <FormAlert>{formError}</FormAlert>
      <StatusMessage>{changed && changedMessage(changed.otherSessionsEnded)}</StatusMessage>
      {/* Tells password managers whose password this is, so they update the right entry. */}
      <input type="text" autoComplete="username" value={email} readOnly hidden />
      <PasswordField
        label="Current password"
        name="currentPassword"
        autoComplete="current-password"
        required
        error={fieldErrors.currentPassword}
      />
      <p className="form__aside-link">
        <Link to="/forgot-password" state={forgotPasswordState}>
          Forgot your current password?
        </Link>
      </p>
      <PasswordField
        label="New password"
        name="newPassword"
        autoComplete="new-password"
        required
        hint={newPasswordHint}
        error={fieldErrors.newPassword}
      />
      <div className="form__actions form__actions--start">
        <Button type="submit" isLoading={change.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}

function changedMessage(ended: number): string {
  if (ended === 0) return 'Your password has been changed.';
  const sessions = ended === 1 ? '1 other session' : `${ended} other sessions`;
  return `Your password has been changed. Logged out ${sessions}; this browser stays logged in.`;
}
