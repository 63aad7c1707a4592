import type { TikTokConnection } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormAlert } from '../../../components/ui/form-alert';
import { messageForError } from '../../../lib/error-messages';
import { useDisconnectTikTokConnection } from '../api/disconnect-tiktok-connection';

/** Disconnect asks first: it revokes Whathead's access at TikTok for this Business Center. */
export function TikTokDisconnectDialog({
  workspaceId,
  connection,
  onClose,
  onDisconnected,
}: {
  workspaceId: string;
  connection: TikTokConnection;
  onClose: () => void;
  onDisconnected: (connection: TikTokConnection) => void;
}) {
  const disconnect = useDisconnectTikTokConnection(workspaceId);
  const confirm = () =>
    // Not mutate's onSuccess: the refreshed list removes this dialog, and its callbacks with it.
    disconnect.mutateAsync(connection.id).then(
      () => onDisconnected(connection),
      () => undefined,
    );
  return (
    <Dialog
      title={`Disconnect ${connection.businessCenterName}?`}
      description="Whathead’s access is revoked at TikTok, and this workspace stops using its ad accounts. Your campaigns stay in TikTok Ads Manager, and you can connect it again at any time."
      onClose={onClose}
    >
      <div className="stack">
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
