import type { TikTokConnection } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormAlert } from '../../../components/ui/form-alert';
import { messageForError } from '../../../lib/error-messages';
import { useDisconnectTikTokConnection } from '../api/disconnect-tiktok-connection';

/**
 * Disconnect asks first. It says what happens truthfully: the server gives Whathead's access back
 * to TikTok unless another connection from the same sign-in still uses it, and a default account
 * here has to be replaced.
 */
export function TikTokDisconnectDialog({
  workspaceId,
  connection,
  defaultAdvertiserId,
  onClose,
  onDisconnected,
}: {
  workspaceId: string;
  connection: TikTokConnection;
  defaultAdvertiserId: string | null;
  onClose: () => void;
  onDisconnected: (connection: TikTokConnection) => void;
}) {
  const disconnect = useDisconnectTikTokConnection(workspaceId);
  const defaultHere = connection.accounts.find((account) => account.advertiserId === defaultAdvertiserId);
  const confirm = () =>
    // Not mutate's onSuccess: the refreshed list removes this dialog, and its callbacks with it.
    disconnect.mutateAsync(connection.id).then(
      () => onDisconnected(connection),
      () => undefined,
    );
  return (
    <Dialog
      title={`Disconnect ${connection.businessCenterName}?`}
      description="This workspace stops using its ad accounts, and Whathead gives its access back to TikTok, unless another Business Center connected from the same TikTok sign-in still uses it. Your campaigns stay in TikTok Ads Manager, and you can connect it again at any time."
      onClose={onClose}
    >
      <div className="stack">
        {defaultHere && (
          <p className="notice notice--warning">
            {defaultHere.name} is your default ad account; you’ll be asked to choose another.
          </p>
        )}
        <FormAlert>{disconnect.isError ? messageForError(disconnect.error) : undefined}</FormAlert>
        <div className="button-row button-row--end">
          <Button variant="secondary" onClick={onClose}>
            Keep connected
          </Button>
          <Button variant="danger" isLoading={disconnect.isPending} onClick={() => void confirm()}>
            Disconnect
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
