import { passwordResetLinkMinutes, requestPasswordResetInputSchema } from '@whathead/contracts';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { Button } from '../../../components/ui/button';
import { DocumentTitle } from '../../../components/ui/document-title';
import { EmailField } from '../../../components/ui/email-field';
import { FormAlert } from '../../../components/ui/form-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { readAuthPageState, type AuthPageState } from '../../../lib/auth-page-state';
import { messageForError } from '../../../lib/error-messages';
import { useSession } from '../../../lib/session';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useRequestPasswordReset } from '../api/request-password-reset';
import { AuthCardHeader } from '../../../components/layout/auth-card-header';

const fieldNames = ['email'] as const;

/**
 * `/forgot-password`: asks for the email (filled in when the log-in form or Settings had one),
 * then says where the link went, if there is an account. Each visit starts over, so "Use a
 * different email" is a plain link back here.
 */
export function ForgotPasswordPage() {
  const location = useLocation();
  return <ForgotPassword key={location.key} initialEmail={readAuthPageState(location.state).email} />;
}

function ForgotPassword({ initialEmail }: { initialEmail: string | undefined }) {
  const { user } = useSession();
  const request = useRequestPasswordReset();
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: requestPasswordResetInputSchema,
    mutation: request,
    fieldNames,
  });
  const sentTo = request.isSuccess ? request.variables.email : undefined;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The form and its button are gone: focus goes to what replaced them.
    if (sentTo) headingRef.current?.focus();
  }, [sentTo]);
  const logInState: AuthPageState = { email: sentTo };

  return (
    <AuthLayout>
      <DocumentTitle title={sentTo ? 'Check your email' : 'Reset your password'} />
      <AuthCardHeader
        headingRef={headingRef}
        title={sentTo ? 'Check your email' : 'Reset your password'}
        lead={!sentTo && 'Enter the email you log in with. We’ll send you a link to choose a new password.'}
      />
      <StatusMessage>
        {sentTo && (
          <>
            <p>
              If there’s a Whathead account for <strong>{sentTo}</strong>, we’ve sent it a link to choose a
              new password. The link works once, for {passwordResetLinkMinutes} minutes.
            </p>
            <p>No mail after a few minutes? Check your spam folder, or send another link.</p>
          </>
        )}
      </StatusMessage>
      {sentTo ? (
        <SendAgain email={sentTo} />
      ) : (
        <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
          <FormAlert>{formError}</FormAlert>
          <EmailField autoFocus defaultValue={initialEmail} error={fieldErrors.email} />
          <Button type="submit" isLoading={request.isPending} fullWidth>
            Email me a reset link
          </Button>
        </form>
      )}
      {!user && (
        <p className="auth-card__footer">
          Remembered it?{' '}
          <Link to="/login" state={logInState}>
            Log in
          </Link>
        </p>
      )}
    </AuthLayout>
  );
}

/** Another link to the same address (the same limits apply), or back to the form for another one. */
function SendAgain({ email }: { email: string }) {
  const resend = useRequestPasswordReset();
  const differentEmailState: AuthPageState = { email };
  return (
    <div className="stack">
      <FormAlert>{resend.isError && messageForError(resend.error)}</FormAlert>
      <StatusMessage>{resend.isSuccess && 'Sent again. It can take a few minutes to arrive.'}</StatusMessage>
      <div className="button-row">
        <Button variant="secondary" isLoading={resend.isPending} onClick={() => resend.mutate({ email })}>
          Send another link
        </Button>
        <Link to="/forgot-password" state={differentEmailState}>
          Use a different email
        </Link>
      </div>
    </div>
  );
}
