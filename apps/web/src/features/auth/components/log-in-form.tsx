import { logInInputSchema } from '@whathead/contracts';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { EmailField } from '../../../components/ui/email-field';
import { TextField } from '../../../components/ui/text-field';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useLogIn } from '../api/log-in';

const fieldNames = ['email', 'password'] as const;

interface LogInFormProps {
  destination: string;
  /** Filled in when known (after a password reset): the password then gets the focus. */
  email?: string;
}

export function LogInForm({ destination, email }: LogInFormProps) {
  const logIn = useLogIn({ destination });
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm({
    schema: logInInputSchema,
    mutation: logIn,
    fieldNames,
  });

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
      <FormAlert>{formError}</FormAlert>
      <EmailField autoFocus={!email} defaultValue={email} error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={Boolean(email)}
        error={fieldErrors.password}
      />
      <p className="form__aside-link">
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
      <Button type="submit" isLoading={logIn.isPending} fullWidth>
        Log in
      </Button>
    </form>
  );
}
