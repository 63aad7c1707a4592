import { passwordResetLinkMinutes, requestPasswordResetInputSchema } from '@whathead/contracts';
import { Link } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { Button } from '../../../components/ui/button';
import { DocumentTitle } from '../../../components/ui/document-title';
import { FormAlert } from '../../../components/ui/form-alert';
import { EmailField } from '../../../components/ui/email-field';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useRequestPasswordReset } from '../api/request-password-reset';

const fieldNames = ['email'] as const;

/** `/forgot-password`: asks for the email, then says where the link went, if there is an account. */
export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const { formRef, onSubmit, fieldErrors, formError } = useValidatedForm({
    schema: requestPasswordResetInputSchema,
    mutation: request,
    fieldNames,
  });
  const sentTo = request.isSuccess ? request.variables.email : undefined;

  return (
    <AuthLayout>
      <DocumentTitle title={sentTo ? 'Check your email' : 'Reset your password'} />
      {sentTo ? (
        <>
          <header className="auth-card__header">
            <h1 className="auth-card__title">Check your email</h1>
          </header>
          <div className="notice notice--success" role="status">
            <p>
              If there’s a Whathead account for <strong>{sentTo}</strong>, we’ve sent it a link to choose a
              new password. The link works once, for {passwordResetLinkMinutes} minutes.
            </p>
            <p>No mail after a few minutes? Check your spam folder, or send another link.</p>
          </div>
          <Button variant="secondary" onClick={() => request.reset()}>
            Send another link
          </Button>
        </>
      ) : (
        <>
          <header className="auth-card__header">
            <h1 className="auth-card__title">Reset your password</h1>
            <p className="auth-card__lead">
              Enter the email you log in with. We’ll send you a link to choose a new password.
            </p>
          </header>
          <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
            <FormAlert>{formError}</FormAlert>
            <EmailField autoFocus error={fieldErrors.email} />
            <Button type="submit" isLoading={request.isPending} fullWidth>
              Email me a reset link
            </Button>
          </form>
        </>
      )}
      <p className="auth-card__footer">
        Remembered it? <Link to="/login">Log in</Link>
      </p>
    </AuthLayout>
  );
}
