import type { TikTokConnection } from '@whathead/contracts';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { messageForError } from '../../../lib/error-messages';
import { useCheckTikTokConnection } from '../api/check-tiktok-connection';
import { TikTokDisconnectDialog } from './tiktok-disconnect-dialog';

/** Manage accounts, Check connection (which always answers) and Disconnect, for one connection. */
export function TikTokBusinessCenterActions({
  workspaceId,
  connection,
  onManage,
  onActivity,
  onDisconnected,
}: {
  workspaceId: string;
  connection: TikTokConnection;
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
        {changes && <CheckResult changes={changes} />}
      </StatusMessage>
      <FormAlert>{check.isError ? messageForError(check.error) : undefined}</FormAlert>
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
          onClose={() => setConfirmingDisconnect(false)}
          onDisconnected={onDisconnected}
        />
      )}
    </>
  );
}

function CheckResult({ changes }: { changes: string[] }) {
  if (changes.length === 0) return <>All good — checked just now.</>;
  return (
    <div>
      <p>Checked just now. What changed:</p>
      <ul className="business-center__changes">
        {changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
    </div>
  );
}
