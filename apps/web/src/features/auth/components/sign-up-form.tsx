import { signUpInputSchema } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { EmailField } from '../../../components/ui/email-field';
import { TextField } from '../../../components/ui/text-field';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useSignUp } from '../api/sign-up';

interface SignUpFormProps {
  destination: string;
  /** Signing up through an invitation joins that workspace, so no workspace name is asked for. */
  invitation?: { token: string; email: string };
  autoFocus?: boolean;
}

export function SignUpForm({ destination, invitation, autoFocus = false }: SignUpFormProps) {
  const signUp = useSignUp({ destination });
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm({
    schema: signUpInputSchema,
    mutation: signUp,
    fieldNames: invitation ? ['name', 'email', 'password'] : ['name', 'email', 'password', 'workspaceName'],
    extraInput: invitation && { invitationToken: invitation.token },
  });

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        autoFocus={autoFocus}
        error={fieldErrors.name}
      />
      <EmailField label="Work email" defaultValue={invitation?.email} error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters. A short phrase is easy to remember."
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
