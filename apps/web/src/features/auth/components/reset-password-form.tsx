import { completePasswordResetInputSchema, newPasswordHint } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { PasswordField } from '../../../components/ui/password-field';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useCompletePasswordReset } from '../api/complete-password-reset';

const fieldNames = ['password'] as const;

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const completeReset = useCompletePasswordReset({ token, email });
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: completePasswordResetInputSchema,
    mutation: completeReset,
    fieldNames,
  });

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
      <FormAlert>{formError}</FormAlert>
      {/* Tells password managers whose password this is, so they update the right entry. */}
      <input type="text" autoComplete="username" value={email} readOnly hidden />
      <PasswordField
        label="New password"
        name="password"
        autoComplete="new-password"
        required
        autoFocus
        hint={newPasswordHint}
        error={fieldErrors.password}
      />
      <Button type="submit" isLoading={completeReset.isPending} fullWidth>
        Set new password
      </Button>
    </form>
  );
}
