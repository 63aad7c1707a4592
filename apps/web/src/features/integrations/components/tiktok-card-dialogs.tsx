import type { TikTokConnection, TikTokConnectionsResponse } from '@whathead/contracts';
import { TikTokAccountsManager } from './tiktok-accounts-manager';
import { TikTokGrantDialog } from './tiktok-grant-dialog';
import type { TikTokCardDialog } from './use-tiktok-card-state';

/** The card's one open dialog: "Select your Business Center", or a connection's account chooser. */
export function TikTokCardDialogs({
  workspaceId,
  dialog,
  connections,
  defaultAdvertiserId,
  justConnected,
  onGrantConnected,
  onSaving,
  onSaved,
  onClose,
}: {
  workspaceId: string;
  dialog: TikTokCardDialog | null;
  connections: TikTokConnection[];
  defaultAdvertiserId: string | null;
  /** The card's success message: the modal hides the card, so the chooser says it instead. */
  justConnected?: { connectionId: string; reconnected: boolean } | undefined;
  onGrantConnected: (connectionId: string) => void;
  onSaving: (defaultAdvertiserId: string | null) => void;
  onSaved: (response: TikTokConnectionsResponse, connectionId: string) => void;
  onClose: (connectionId?: string) => void;
}) {
  if (dialog?.kind === 'grant') {
    return (
      <TikTokGrantDialog
        workspaceId={workspaceId}
        grantId={dialog.grantId}
        onConnected={onGrantConnected}
        onClose={() => onClose()}
      />
    );
  }
  // Right after a connect the fresh list may still be on its way: the chooser opens once it is here.
  const connection =
    dialog?.kind === 'accounts'
      ? connections.find((candidate) => candidate.id === dialog.connectionId)
      : undefined;
  if (!connection) return null;
  return (
    <TikTokAccountsManager
      key={connection.id}
      workspaceId={workspaceId}
      connection={connection}
      defaultAdvertiserId={defaultAdvertiserId}
      defaultElsewhere={defaultElsewhere(connections, connection, defaultAdvertiserId)}
      outcome={
        justConnected?.connectionId === connection.id
          ? justConnected.reconnected
            ? 'Reconnected.'
            : 'Connected.'
          : undefined
      }
      onSaving={onSaving}
      onSaved={(response) => {
        onSaved(response, connection.id);
        onClose(connection.id);
      }}
      onClose={() => onClose(connection.id)}
    />
  );
}

/** The workspace's one default account when it is in another connection than `connection`, and where. */
function defaultElsewhere(
  connections: TikTokConnection[],
  connection: TikTokConnection,
  defaultAdvertiserId: string | null,
): { name: string; where: string } | null {
  for (const other of connections) {
    if (other.id === connection.id) continue;
    const account = other.accounts.find((candidate) => candidate.advertiserId === defaultAdvertiserId);
    if (account) {
      const where =
        other.kind === 'outside_business_center'
          ? 'among your ad accounts outside a Business Center'
          : `in ${other.businessCenterName}`;
      return { name: account.name, where };
    }
  }
  return null;
}
