import type { TikTokGrantGroup, TikTokPendingGrant } from '@whathead/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useConnectTikTokGrantGroup } from '../api/connect-tiktok-grant-group';
import { useTikTokGrant } from '../api/get-tiktok-grant';

/**
 * The help page's step 3, "Select Business Center", in Whathead: one TikTok sign-in granted
 * accounts in several Business Centers, and the user connects them one at a time.
 */
export function TikTokGrantDialog({
  workspaceId,
  grantId,
  onConnected,
  onClose,
}: {
  workspaceId: string;
  grantId: string;
  onConnected: (connectionId: string, group: TikTokGrantGroup) => void;
  onClose: () => void;
}) {
  const grant = useTikTokGrant(workspaceId, grantId);
  return (
    <Dialog
      title="Select your Business Center"
      description="Your TikTok sign-in reached several Business Centers. Choose the one with the ad accounts this workspace will use; you can connect the others afterwards from the same sign-in."
      onClose={onClose}
    >
      {grant.isPending && (
        <p className="loading-line" role="status">
          <Spinner /> Loading your Business Centers…
        </p>
      )}
      {grant.isError && (
        <div className="stack">
          <FormAlert>{messageForError(grant.error)}</FormAlert>
          <div className="button-row button-row--end">
            <Button variant="secondary" onClick={onClose}>
              Close
            </Button>
          </div>
        </div>
      )}
      {grant.isSuccess && (
        <GroupChoice
          workspaceId={workspaceId}
          grant={grant.data}
          onConnected={onConnected}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function GroupChoice({
  workspaceId,
  grant,
  onConnected,
  onClose,
}: {
  workspaceId: string;
  grant: TikTokPendingGrant;
  onConnected: (connectionId: string, group: TikTokGrantGroup) => void;
  onClose: () => void;
}) {
  const connect = useConnectTikTokGrantGroup(workspaceId, grant.id);
  const name = useId();
  const [chosen, setChosen] = useState(() => grant.groups.find((group) => group.connectionId === null)?.key);
  const groupRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    // The choices arrive after the dialog opened on its Close button: start on the chosen one.
    groupRef.current?.querySelector<HTMLInputElement>('input:checked:not(:disabled)')?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const group = grant.groups.find((candidate) => candidate.key === chosen);
    if (!group) return;
    connect.mutate(group.key, { onSuccess: ({ connectionId }) => onConnected(connectionId, group) });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <fieldset ref={groupRef} className="accounts-manager__group">
        <legend className="visually-hidden">Business Centers from this TikTok sign-in</legend>
        {grant.groups.map((group) => (
          <label key={group.key} className="choice">
            <input
              type="radio"
              name={name}
              value={group.key}
              checked={chosen === group.key}
              disabled={group.connectionId !== null}
              onChange={() => setChosen(group.key)}
            />
            <span className="choice__text">
              {group.name} —{' '}
              {group.grantedAccountCount === 1 ? '1 ad account' : `${group.grantedAccountCount} ad accounts`}
            </span>
            {group.connectionId !== null && (
              <span className="choice__note choice__note--done">Connected</span>
            )}
          </label>
        ))}
      </fieldset>
      <FormAlert>{connect.isError ? messageForError(connect.error) : undefined}</FormAlert>
      <div className="button-row button-row--end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" isLoading={connect.isPending} aria-disabled={chosen === undefined}>
          Connect
        </Button>
      </div>
    </form>
  );
}
