import { Link, useParams } from 'react-router';
import { AuthLayout } from '../../components/layout/auth-layout';
import { Button } from '../../components/ui/button';
import { ButtonLink } from '../../components/ui/button-link';
import { DocumentTitle } from '../../components/ui/document-title';
import { FormAlert } from '../../components/ui/form-alert';
import { Spinner } from '../../components/ui/spinner';
import { LogOutButton } from '../../features/auth/components/log-out-button';
import { SignUpForm } from '../../features/auth/components/sign-up-form';
import { useInvitationPreview } from '../../features/invitations/api/get-invitation-preview';
import { AcceptInvitation } from '../../features/invitations/components/accept-invitation';
import { InvitationSummary } from '../../features/invitations/components/invitation-summary';
import { isApiError } from '../../lib/api-error';
import { messageForError } from '../../lib/error-messages';
import { homePath, logInPath } from '../../lib/redirect-target';
import { useSession } from '../../lib/session';
import { AuthCardHeader } from '../../components/layout/auth-card-header';

/**
 * `/invite/:token`: what the invite is for, then "Join workspace" for a logged-in visitor, or a
 * sign-up form that joins the workspace (and a way to log in and come back) for everyone else.
 */
export function InvitationRoute() {
  const { token = '' } = useParams();
  const { user } = useSession();
  const preview = useInvitationPreview(token);
  const invitationPath = `/invite/${encodeURIComponent(token)}`;

  if (preview.isPending) {
    return (
      <AuthLayout>
        <p className="loading-line" role="status">
          <Spinner /> Loading invitation…
        </p>
      </AuthLayout>
    );
  }

  if (preview.isError) {
    const isInvalid = isApiError(preview.error) && preview.error.code === 'invitation_invalid';
    return (
      <AuthLayout>
        <DocumentTitle title="Invitation unavailable" />
        <AuthCardHeader
          title={isInvalid ? 'This invitation can’t be used' : 'We couldn’t load this invitation'}
        />
        <FormAlert>{messageForError(preview.error)}</FormAlert>
        <div className="stack">
          {isInvalid ? (
            <ButtonLink to={user ? homePath : '/login'} variant="secondary">
              {user ? 'Open Whathead' : 'Log in'}
            </ButtonLink>
          ) : (
            <Button variant="secondary" onClick={() => void preview.refetch()}>
              Try again
            </Button>
          )}
        </div>
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  return (
    <AuthLayout>
      <DocumentTitle title={`Join ${invitation.workspaceName}`} />
      <InvitationSummary invitation={invitation} />
      {user ? (
        <>
          <AcceptInvitation token={token} invitation={invitation} userEmail={user.email} />
          {user.email.toLowerCase() !== invitation.email.toLowerCase() && (
            <div className="auth-card__footer">
              <LogOutButton destination={invitationPath} variant="secondary" />
            </div>
          )}
        </>
      ) : (
        <section className="stack" aria-labelledby="invitation-sign-up">
          <h2 id="invitation-sign-up" className="auth-card__subtitle">
            Create your account to join
          </h2>
          <SignUpForm
            destination={homePath}
            invitation={{ token, email: invitation.email }}
            logInTo={logInPath(invitationPath)}
          />
          <p className="auth-card__footer">
            Already have an account? <Link to={logInPath(invitationPath)}>Log in</Link> and you’ll come back
            here to join.
          </p>
        </section>
      )}
    </AuthLayout>
  );
}
