import type { TikTokConnection } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import {
  tiktokCallbackMessage,
  tiktokWindowClosedMessage,
  type TikTokConnectLabel,
} from './tiktok-callback-messages';
import type { TikTokCardNotice } from './use-tiktok-card-state';
import type { LostDefault } from './use-default-account-watch';

/**
 * The card's messages: the last outcome (in a live region that is always there, so it is
 * announced), and a default account that stopped being available, with the way to choose another.
 */
export function TikTokCardNotices({
  notice,
  connections,
  label,
  lostDefault,
  onChooseDefault,
}: {
  notice: TikTokCardNotice | null;
  connections: TikTokConnection[];
  label: TikTokConnectLabel;
  lostDefault: LostDefault | null;
  onChooseDefault: (() => void) | undefined;
}) {
  return (
    <>
      {notice?.kind === 'error' && <FormAlert>{tiktokCallbackMessage(notice.error, label)}</FormAlert>}
      <StatusMessage tone={notice?.kind === 'window-closed' ? 'neutral' : 'success'}>
        {statusText(notice, connections, label)}
      </StatusMessage>
      <StatusMessage tone="neutral" className={lostDefault ? 'notice--warning' : undefined}>
        {lostDefault && (
          <div className="stack stack--small">
            <p>Your default ad account {lostDefault.name} is no longer available — choose another.</p>
            {onChooseDefault && (
              <div>
                <Button size="small" variant="secondary" onClick={onChooseDefault}>
                  Choose a default account
                </Button>
              </div>
            )}
          </div>
        )}
      </StatusMessage>
    </>
  );
}

function statusText(
  notice: TikTokCardNotice | null,
  connections: TikTokConnection[],
  label: TikTokConnectLabel,
): string | undefined {
  switch (notice?.kind) {
    case 'connected': {
      const connection = connections.find((candidate) => candidate.id === notice.connectionId);
      // Until the fresh list arrives there is no name to give; once it needs attention, its own notice speaks.
      if (!connection || connection.status === 'needs_attention') return undefined;
      return `Connected ${connection.businessCenterName}.`;
    }
    case 'disconnected':
      return `Disconnected ${notice.name}.`;
    case 'window-closed':
      return tiktokWindowClosedMessage(label);
    default:
      return undefined;
  }
}
