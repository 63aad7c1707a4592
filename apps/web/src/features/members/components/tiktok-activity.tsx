import type { TikTokAuditAction, TikTokAuditEvent } from '@whathead/contracts';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useTikTokAudit } from '../api/get-tiktok-audit';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Attempts that connected nothing still belong in the trail, marked so they read as such. */
const attemptLabels: Partial<Record<TikTokAuditAction, string>> = {
  connect_cancelled: 'Cancelled',
  connect_failed: 'Not connected',
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
              {attemptLabels[event.action] && <Badge tone="warning">{attemptLabels[event.action]}</Badge>}{' '}
              {event.summary}
            </td>
            <td data-label="TikTok request id" className="table__muted tiktok-activity__request-cell">
              {event.tiktokRequestId ? (
                // Kept whole: support reads it back character by character, so it scrolls rather than breaks.
                <code className="tiktok-activity__request-id">{event.tiktokRequestId}</code>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
