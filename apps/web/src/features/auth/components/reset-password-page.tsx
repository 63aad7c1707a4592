import type { ErrorCode } from '@whathead/contracts';
import { Link, useParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { Button } from '../../../components/ui/button';
import { ButtonLink } from '../../../components/ui/button-link';
import { DocumentTitle } from '../../../components/ui/document-title';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { isApiError } from '../../../lib/api-error';
import { errorMessages, messageForError } from '../../../lib/error-messages';
import { homePath } from '../../../lib/redirect-target';
import { useSession } from '../../../lib/session';
import { usePasswordReset } from '../api/get-password-reset';
import { ResetPasswordForm } from './reset-password-form';
import { AuthCardHeader } from '../../../components/layout/auth-card-header';

/**
 * The answers that mean the server cannot accept this token, however often it is asked: used or
 * expired, or not a token at all (mangled by a mail program, too long to be one). Each is the
 * same dead link to the person holding it.
 */
const unusableLinkCodes: readonly ErrorCode[] = ['password_reset_invalid', 'not_found', 'validation_failed'];

/**
 * `/reset-password/:token`, the link of a reset mail: checks the link first, so nobody types a new
 * password into a link that has expired or been used; then asks for the new password.
 */
export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const { user } = useSession();
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
    const isUnusable = isApiError(reset.error) && unusableLinkCodes.includes(reset.error.code);
    return (
      <AuthLayout>
        <DocumentTitle title="Reset link unavailable" />
        <AuthCardHeader
          title={isUnusable ? 'This reset link can’t be used' : 'We couldn’t check this reset link'}
        />
        <FormAlert>
          {isUnusable ? errorMessages.password_reset_invalid : messageForError(reset.error)}
        </FormAlert>
        {isUnusable ? (
          <UnusableLinkActions isLoggedIn={user !== null} />
        ) : (
          <>
            <div>
              <Button variant="secondary" onClick={() => void reset.refetch()}>
                Try again
              </Button>
            </div>
            {!user && <LogInFooter />}
          </>
        )}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <DocumentTitle title="Choose a new password" />
      <AuthCardHeader
        title="Choose a new password"
        lead={
          <>
            For <strong>{reset.data.email}</strong>. Every browser logged in to this account will be logged
            out; then you log in with the new password.
          </>
        }
      />
      <ResetPasswordForm token={token} email={reset.data.email} />
      {!user && <LogInFooter />}
    </AuthLayout>
  );
}

/**
 * A dead link is often one that just did its job: the mail opened again after the reset. So
 * logging in sits beside asking for a new link; someone already logged in goes back to the app.
 */
function UnusableLinkActions({ isLoggedIn }: { isLoggedIn: boolean }) {
  return (
    <div className="button-row">
      <ButtonLink to="/forgot-password">Ask for a new link</ButtonLink>
      {isLoggedIn ? (
        <ButtonLink to={homePath} variant="secondary">
          Open Whathead
        </ButtonLink>
      ) : (
        <ButtonLink to="/login" variant="secondary">
          Log in
        </ButtonLink>
      )}
    </div>
  );
}

function LogInFooter() {
  return (
    <p className="auth-card__footer">
      Remembered your password? <Link to="/login">Log in</Link>
    </p>
  );
}
