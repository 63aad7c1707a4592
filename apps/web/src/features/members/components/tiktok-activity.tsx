import type { TikTokAuditAction, TikTokAuditEvent } from '@whathead/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useTikTokAudit } from '../api/get-tiktok-audit';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Steps that connected nothing yet still belong in the trail, marked so they read as such: a
 * sign-in waiting for the user's choice of Business Center, and attempts that ended without one.
 */
const actionLabels: Partial<Record<TikTokAuditAction, { label: string; tone: BadgeTone }>> = {
  grant_held: { label: 'Signed in', tone: 'neutral' },
  connect_cancelled: { label: 'Cancelled', tone: 'warning' },
  connect_failed: { label: 'Not connected', tone: 'warning' },
  publish_requested: { label: 'Publish asked for', tone: 'neutral' },
  publish_approved: { label: 'Publish approved', tone: 'neutral' },
  publish_rejected: { label: 'Publish rejected', tone: 'warning' },
};

/**
 * The TikTok audit trail: who did what to which Business Center, when, and TikTok's request id
 * for the call behind it (what TikTok support asks for). Whathead's own health checks show as
 * "Whathead"; cancelled and refused attempts are listed too.
 */
export function TikTokActivity({ workspaceId }: { workspaceId: string }) {
  const audit = useTikTokAudit(workspaceId);
  if (audit.isPending) {
    return (
      <p className="loading-line" role="status">
        <Spinner /> Loading TikTok activity…
      </p>
    );
  }
  if (audit.isError) {
    return (
      <div className="stack">
        <FormAlert>{messageForError(audit.error)}</FormAlert>
        <div>
          <Button variant="secondary" onClick={() => void audit.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  if (audit.data.events.length === 0) {
    return (
      <p className="notice">No TikTok activity yet. Connecting TikTok on the Integrations page starts it.</p>
    );
  }
  return <ActivityTable events={audit.data.events} />;
}

function ActivityTable({ events }: { events: TikTokAuditEvent[] }) {
  return (
    // The table, not a cell, scrolls sideways when the screen is too narrow for whole request ids.
    <div className="tiktok-activity__scroll" role="group" aria-label="TikTok activity table" tabIndex={0}>
      <table className="table table--stacking">
        <caption className="visually-hidden">TikTok activity, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Business Center</th>
            <th scope="col">What</th>
            <th scope="col">TikTok request id</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td data-label="When" className="table__muted">
                <time dateTime={event.occurredAt}>{timeFormat.format(new Date(event.occurredAt))}</time>
              </td>
              <td data-label="Who">{event.actorName ?? 'Whathead'}</td>
              <td data-label="Business Center">{event.businessCenterName ?? '—'}</td>
              <td data-label="What">
                <ActionLabel action={event.action} /> {event.summary}
              </td>
              <td data-label="TikTok request id" className="table__muted tiktok-activity__request-cell">
                {event.tiktokRequestId ? (
                  // Kept whole: support reads it back character by character, so it is never broken.
                  <code className="tiktok-activity__request-id">{event.tiktokRequestId}</code>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The badge before a summary, and a full stop after it for screen readers and copied text
 * ("Signed in. Granted ad accounts…"); on screen, the badge's box already sets the two apart.
 */
function ActionLabel({ action }: { action: TikTokAuditAction }) {
  const label = actionLabels[action];
  if (!label) return null;
  return (
    <>
      <Badge tone={label.tone}>{label.label}</Badge>
      <span className="visually-hidden">.</span>
    </>
  );
}
