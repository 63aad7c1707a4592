import type { TikTokConnection } from '@whathead/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { isApiError } from '../../../lib/api-error';
import { messageForError } from '../../../lib/error-messages';
import { useNow } from '../../../lib/use-now';
import { useCheckTikTokConnection } from '../api/check-tiktok-connection';
import { TikTokDisconnectDialog } from './tiktok-disconnect-dialog';

const minuteMilliseconds = 60_000;

/**
 * Settings, where owners and admins see the TikTok usage panel (pauses and today's calls). These
 * actions are shown to owners and admins only, so whoever reads the link can open the panel.
 */
const settingsPath = '/settings';

/**
 * Manage accounts, Check connection (which always answers) and Disconnect, for one connection;
 * owners and admins only.
 */
export function TikTokBusinessCenterActions({
  workspaceId,
  connection,
  defaultAdvertiserId,
  onManage,
  onActivity,
  onDisconnected,
}: {
  workspaceId: string;
  connection: TikTokConnection;
  defaultAdvertiserId: string | null;
  onManage: (connectionId: string) => void;
  onActivity: () => void;
  onDisconnected: (connection: TikTokConnection) => void;
}) {
  const check = useCheckTikTokConnection(workspaceId);
  const [changes, setChanges] = useState<string[] | undefined>();
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);
  const checkButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The fresh answer can re-order the card (needs attention first); keep the focus on this button.
    if (check.isSuccess && document.activeElement === document.body) checkButtonRef.current?.focus();
  }, [check.isSuccess, connection]);

  const runCheck = () => {
    onActivity();
    setChanges(undefined);
    check.mutate(connection.id, { onSuccess: (answer) => setChanges(answer.changes) });
  };

  return (
    <>
      <StatusMessage tone="neutral" className="business-center__check-result">
        {/* Keyed by the check's time: "just now" counts from when this answer arrived. */}
        {changes && <CheckResult key={connection.lastCheckedAt} connection={connection} changes={changes} />}
      </StatusMessage>
      <FormAlert>
        {check.isError ? (
          <>
            {messageForError(check.error)}
            {isApiError(check.error) && check.error.code === 'tiktok_rate_limited' && (
              <>
                {' '}
                <Link to={settingsPath}>See TikTok usage</Link>
              </>
            )}
          </>
        ) : undefined}
      </FormAlert>
      <div className="button-row">
        {connection.accounts.length > 0 && (
          <Button
            variant="secondary"
            size="small"
            data-manage-accounts={connection.id}
            onClick={() => onManage(connection.id)}
          >
            Manage accounts
          </Button>
        )}
        <Button
          ref={checkButtonRef}
          variant="secondary"
          size="small"
          isLoading={check.isPending}
          onClick={runCheck}
        >
          Check connection
        </Button>
        <Button
          variant="ghost"
          size="small"
          className="button-row__push"
          onClick={() => setConfirmingDisconnect(true)}
        >
          Disconnect
        </Button>
      </div>
      {confirmingDisconnect && (
        <TikTokDisconnectDialog
          workspaceId={workspaceId}
          connection={connection}
          defaultAdvertiserId={defaultAdvertiserId}
          onClose={() => setConfirmingDisconnect(false)}
          onDisconnected={onDisconnected}
        />
      )}
    </>
  );
}

/**
 * What the check found, from the connection as it now is: "All good" only when it left the
 * connection connected and TikTok answered; otherwise that it needs attention (the warning box
 * above already says why and the fix, so it is not repeated) or what changed. The time is the
 * check's own and ages while the line stays on screen.
 */
function CheckResult({ connection, changes }: { connection: TikTokConnection; changes: string[] }) {
  const now = useNow(minuteMilliseconds / 4);
  const checked = `checked ${timeAgo(connection.lastCheckedAt, now)}`;
  const healthy = connection.status === 'connected' && connection.lastCheckResult === 'ok';
  let headline: string;
  if (connection.status === 'needs_attention') {
    headline = `${capitalized(checked)}: this connection needs attention (see above).`;
  } else if (connection.lastCheckResult === 'tiktok_unavailable') {
    headline = `TikTok didn’t answer, so nothing changed — ${checked}. Try again in a few minutes.`;
  } else if (healthy && changes.length === 0) {
    return <>All good — {checked}.</>;
  } else {
    headline = `${capitalized(checked)}.`;
  }
  return (
    <div className="stack stack--small">
      <p>{headline}</p>
      {changes.length > 0 && (
        <>
          <p>What changed:</p>
          <ul className="business-center__changes">
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** "just now", "1 minute ago", "12 minutes ago", "2 hours ago", "3 days ago", from an ISO time. */
export function timeAgo(iso: string | null, now: number): string {
  if (iso === null) return 'just now';
  const minutes = Math.floor(Math.max(0, now - Date.parse(iso)) / minuteMilliseconds);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
