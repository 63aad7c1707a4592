import { logInInputSchema } from '@whathead/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmailField } from '../../../components/ui/email-field';
import { FormAlert } from '../../../components/ui/form-alert';
import { PasswordField } from '../../../components/ui/password-field';
import { isApiError } from '../../../lib/api-error';
import type { AuthPageState } from '../../../lib/auth-page-state';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useLogIn } from '../api/log-in';

const fieldNames = ['email', 'password'] as const;

interface LogInFormProps {
  destination: string;
  /** Filled in when known (after a password reset, from sign-up): the password then gets the focus. */
  email?: string;
}

export function LogInForm({ destination, email }: LogInFormProps) {
  const logIn = useLogIn({ destination });
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: logInInputSchema,
    mutation: logIn,
    fieldNames,
  });
  // The forgot-password page starts with whatever email was typed here.
  const [typedEmail, setTypedEmail] = useState(email ?? '');
  const forgotPasswordState: AuthPageState = { email: typedEmail.trim() || undefined };
  const isLockedOut = isApiError(logIn.error) && logIn.error.code === 'too_many_attempts';

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
      <FormAlert>
        {formError && (
          <>
            {formError}
            {isLockedOut && (
              <>
                {' '}
                Forgotten it?{' '}
                <Link to="/forgot-password" state={forgotPasswordState}>
                  Reset your password
                </Link>
              </>
            )}
          </>
        )}
      </FormAlert>
      <EmailField
        autoFocus={!email}
        defaultValue={email}
        error={fieldErrors.email}
        onChange={(event) => setTypedEmail(event.target.value)}
      />
      <PasswordField
        label="Password"
        name="password"
        autoComplete="current-password"
        required
        autoFocus={Boolean(email)}
        error={fieldErrors.password}
      />
      <p className="form__aside-link">
        <Link to="/forgot-password" state={forgotPasswordState}>
          Forgot password?
        </Link>
      </p>
      <Button type="submit" isLoading={logIn.isPending} fullWidth>
        Log in
      </Button>
    </form>
  );
}
