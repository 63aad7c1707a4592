import type { InvitationPreview } from '@whathead/contracts';
import { formatDate } from '../../../lib/format-date';
import { roleLabels } from '../../../lib/role-labels';

/** The page heading and the facts of an invitation: who invited which address, to what, as what. */
export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const role = roleLabels[invitation.role].toLowerCase();
  return (
    <header className="auth-card__header">
      <p className="eyebrow">Invitation</p>
      <h1 className="auth-card__title">Join {invitation.workspaceName} on Whathead</h1>
      <p className="auth-card__lead">
        <strong>{invitation.invitedBy}</strong> invited <strong>{invitation.email}</strong> to work in{' '}
        <strong>{invitation.workspaceName}</strong> as {role === 'admin' ? 'an' : 'a'} {role}.
      </p>
      <p className="auth-card__meta">
        This invitation expires on{' '}
        <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>.
      </p>
    </header>
  );
}
