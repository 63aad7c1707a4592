import { Link, useParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { Button } from '../../../components/ui/button';
import { ButtonLink } from '../../../components/ui/button-link';
import { DocumentTitle } from '../../../components/ui/document-title';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-error';
import { messageForError } from '../../../lib/error-messages';
import { usePasswordReset } from '../api/get-password-reset';
import { ResetPasswordForm } from './reset-password-form';

/**
 * `/reset-password/:token`, the link of a reset mail: checks the link first, so nobody types a new
 * password into a link that has expired or been used; then asks for the new password.
 */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const reset = usePasswordReset(token);

  if (reset.isPending) {
    return (
      <AuthLayout>
        <p className="loading-line" role="status">
          <Spinner /> Checking your reset link…
        </p>
      </AuthLayout>
    );
  }

  if (reset.isError) {
    const isInvalid = isApiError(reset.error) && reset.error.code === 'password_reset_invalid';
    return (
      <AuthLayout>
        <DocumentTitle title="Reset link unavailable" />
        <header className="auth-card__header">
          <h1 className="auth-card__title">
            {isInvalid ? 'This reset link can’t be used' : 'We couldn’t check this reset link'}
          </h1>
        </header>
        <FormAlert>{messageForError(reset.error)}</FormAlert>
        {isInvalid ? (
          <ButtonLink to="/forgot-password">Ask for a new link</ButtonLink>
        ) : (
          <Button variant="secondary" onClick={() => void reset.refetch()}>
            Try again
          </Button>
        )}
        <p className="auth-card__footer">
          Remembered your password? <Link to="/login">Log in</Link>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <DocumentTitle title="Choose a new password" />
      <header className="auth-card__header">
        <h1 className="auth-card__title">Choose a new password</h1>
        <p className="auth-card__lead">
          For <strong>{reset.data.email}</strong>. Every browser logged in to this account will be logged out;
          then you log in with the new password.
        </p>
      </header>
      <ResetPasswordForm token={token} email={reset.data.email} />
      <p className="auth-card__footer">
        Remembered your password? <Link to="/login">Log in</Link>
      </p>
    </AuthLayout>
  );
}
