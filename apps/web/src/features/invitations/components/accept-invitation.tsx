import type { InvitationPreview } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { ButtonLink } from '../../../components/ui/button-link';
import { FormAlert } from '../../../components/ui/form-alert';
import { isApiError } from '../../../lib/api-error';
import { messageForError } from '../../../lib/error-messages';
import { homePath } from '../../../lib/redirect-target';
import { useAcceptInvitation } from '../api/accept-invitation';

interface AcceptInvitationProps {
  token: string;
  invitation: InvitationPreview;
  userEmail: string;
}

/** For a logged-in visitor: join the workspace, or learn why this account cannot. */
export function AcceptInvitation({ token, invitation, userEmail }: AcceptInvitationProps) {
  const acceptInvitation = useAcceptInvitation(token);
  const isOtherAccount = userEmail.toLowerCase() !== invitation.email.toLowerCase();

  return (
    <div className="stack">
      {isOtherAccount ? (
        <p className="notice notice--warning">
          You’re logged in as <strong>{userEmail}</strong>, but this invitation is for{' '}
          <strong>{invitation.email}</strong>. Log out and continue with that address to join.
        </p>
      ) : (
        <p>
          You’re logged in as <strong>{userEmail}</strong>.
        </p>
      )}
      <FormAlert>{acceptInvitation.isError && messageForError(acceptInvitation.error)}</FormAlert>
      {isApiError(acceptInvitation.error) && acceptInvitation.error.code === 'already_member' ? (
        // It takes the place, and the focus, of the Join button that was just pressed.
        <ButtonLink to={homePath} autoFocus>
          Open Whathead
        </ButtonLink>
      ) : (
        <Button fullWidth isLoading={acceptInvitation.isPending} onClick={() => acceptInvitation.mutate()}>
          Join workspace
        </Button>
      )}
    </div>
  );
}
