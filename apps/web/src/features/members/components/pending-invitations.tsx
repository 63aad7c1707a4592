import type { Invitation } from '@whathead/contracts';
import { useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { messageForError } from '../../../lib/error-messages';
import { formatDate } from '../../../lib/format-date';
import { roleLabels } from '../../../lib/role-labels';
import { useRevokeInvitation } from '../api/revoke-invitation';

interface PendingInvitationsProps {
  workspaceId: string;
  invitations: Invitation[];
  canRevoke: boolean;
}

export function PendingInvitations({ workspaceId, invitations, canRevoke }: PendingInvitationsProps) {
  const revokeInvitation = useRevokeInvitation(workspaceId);
  const listRef = useRef<HTMLDivElement>(null);
  const [revokedEmail, setRevokedEmail] = useState<string | undefined>(undefined);

  const revoke = (invitation: Invitation) => {
    setRevokedEmail(undefined);
    revokeInvitation.mutate(invitation.id, {
      onSuccess: () => {
        setRevokedEmail(invitation.email);
        // The revoked invitation, and the button that was pressed, are gone: focus stays here.
        listRef.current?.focus();
      },
    });
  };

  return (
    <div ref={listRef} className="stack" tabIndex={-1}>
      <FormAlert>{revokeInvitation.isError && messageForError(revokeInvitation.error)}</FormAlert>
      <StatusMessage>{revokedEmail && `Revoked the invitation for ${revokedEmail}.`}</StatusMessage>
      {invitations.length === 0 ? (
        <p className="section__empty">
          No pending invitations. New invite links show up here until they’re used.
        </p>
      ) : (
        <ul className="item-list">
          {invitations.map((invitation) => {
            const detailsId = `invitation-${invitation.id}`;
            return (
              <li key={invitation.id} className="item-list__item">
                <div className="item-list__text" id={detailsId}>
                  <span className="item-list__title">{invitation.email}</span>
                  <span className="item-list__meta">
                    {roleLabels[invitation.role]} · Invited by {invitation.invitedBy} · Expires{' '}
                    <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>
                  </span>
                </div>
                {canRevoke && (
                  <Button
                    variant="danger"
                    size="small"
                    aria-describedby={detailsId}
                    isLoading={revokeInvitation.isPending && revokeInvitation.variables === invitation.id}
                    onClick={() => revoke(invitation)}
                  >
                    Revoke
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
