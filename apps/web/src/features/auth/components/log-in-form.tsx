import { logInInputSchema } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { TextField } from '../../../components/ui/text-field';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useLogIn } from '../api/log-in';

const fieldNames = ['email', 'password'] as const;

export function LogInForm({ destination }: { destination: string }) {
  const logIn = useLogIn({ destination });
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm({
    schema: logInInputSchema,
    mutation: logIn,
    fieldNames,
  });

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        spellCheck={false}
        required
        autoFocus
        error={fieldErrors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <Button type="submit" isLoading={logIn.isPending} fullWidth>
        Log in
      </Button>
    </form>
  );
}
