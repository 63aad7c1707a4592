import { newPasswordHint, signUpInputSchema } from '@whathead/contracts';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmailField } from '../../../components/ui/email-field';
import { FormAlert } from '../../../components/ui/form-alert';
import { PasswordField } from '../../../components/ui/password-field';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-error';
import type { AuthPageState } from '../../../lib/auth-page-state';
import { logInPath } from '../../../lib/redirect-target';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useSignUp } from '../api/sign-up';

interface SignUpFormProps {
  destination: string;
  /** Signing up through an invitation joins that workspace, so no workspace name is asked for. */
  invitation?: { token: string; email: string };
  /** Where "Log in" leads when the email already has an account; back to `destination` by default. */
  logInTo?: string;
  autoFocus?: boolean;
}

export function SignUpForm({ destination, invitation, logInTo, autoFocus = false }: SignUpFormProps) {
  const signUp = useSignUp({ destination });
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: signUpInputSchema,
    mutation: signUp,
    fieldNames: invitation ? ['name', 'email', 'password'] : ['name', 'email', 'password', 'workspaceName'],
    extraInput: invitation && { invitationToken: invitation.token },
  });
  const takenEmail =
    isApiError(signUp.error) && signUp.error.code === 'email_taken' ? signUp.variables?.email : undefined;

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
      <FormAlert>{formError}</FormAlert>
      {takenEmail && <ExistingAccount email={takenEmail} logInTo={logInTo ?? logInPath(destination)} />}
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        autoFocus={autoFocus}
        error={fieldErrors.name}
      />
      <EmailField label="Work email" defaultValue={invitation?.email} error={fieldErrors.email} />
      <PasswordField
        label="Password"
        name="password"
        autoComplete="new-password"
        required
        hint={newPasswordHint}
        error={fieldErrors.password}
      />
      {!invitation && (
        <TextField
          label="Workspace name"
          name="workspaceName"
          autoComplete="organization"
          required
          hint="Usually your company, agency or client. You can add more workspaces later."
          error={fieldErrors.workspaceName}
        />
      )}
      <Button type="submit" isLoading={signUp.isPending} fullWidth>
        Sign up
      </Button>
    </form>
  );
}

/** The email field says it is taken; this offers the ways into that account, the email carried along. */
function ExistingAccount({ email, logInTo }: { email: string; logInTo: string }) {
  const state: AuthPageState = { email };
  return (
    <p className="notice">
      Is this your account?{' '}
      <Link to={logInTo} state={state}>
        Log in
      </Link>{' '}
      or{' '}
      <Link to="/forgot-password" state={state}>
        Forgot password?
      </Link>
    </p>
  );
}
