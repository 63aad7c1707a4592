import type { InvitationPreview } from '@whathead/contracts';
import { formatDate } from '../../../lib/format-date';
import { roleLabels } from '../../../lib/role-labels';
import { AuthCardHeader } from '../../../components/layout/auth-card-header';

/** The page heading and the facts of an invitation: who invited which address, to what, as what. */
export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const role = roleLabels[invitation.role].toLowerCase();
  return (
    <AuthCardHeader
      eyebrow="Invitation"
      title={`Join ${invitation.workspaceName} on Whathead`}
      lead={
        <>
          <strong>{invitation.invitedBy}</strong> invited <strong>{invitation.email}</strong> to work in{' '}
          <strong>{invitation.workspaceName}</strong> as {role === 'admin' ? 'an' : 'a'} {role}.
        </>
      }
    >
      <p className="auth-card__meta">
        This invitation expires on{' '}
        <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>.
      </p>
    </AuthCardHeader>
  );
}
