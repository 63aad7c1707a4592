import type { TikTokConnection } from '@whathead/contracts';
import { useEffect, useRef } from 'react';
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
 * announced), and a default account to choose: one that stopped being available, or none chosen
 * while accounts are in use. A new outcome takes the focus, so the message is seen where it
 * appears even when the action that led to it was far down the card.
 */
export function TikTokCardNotices({
  notice,
  focusNotice,
  connections,
  label,
  lostDefault,
  needsDefault,
  onChooseDefault,
}: {
  notice: TikTokCardNotice | null;
  /** False while a dialog holds the focus. */
  focusNotice: boolean;
  connections: TikTokConnection[];
  label: TikTokConnectLabel;
  lostDefault: LostDefault | null;
  /** Accounts are in use but the workspace has no default. */
  needsDefault: boolean;
  onChooseDefault: (() => void) | undefined;
}) {
  const regionRef = useRef<HTMLDivElement>(null);
  const focused = useRef<TikTokCardNotice | null>(null);
  useEffect(() => {
    if (!notice || !focusNotice || focused.current === notice) return;
    focused.current = notice;
    regionRef.current?.focus({ preventScroll: false });
  }, [notice, focusNotice]);

  const defaultPrompt = lostDefault
    ? `Your default ad account ${lostDefault.name} is no longer available — choose another.`
    : needsDefault
      ? 'Choose a default ad account: it is pre-selected when you create a campaign.'
      : undefined;
  return (
    <>
      <div ref={regionRef} tabIndex={-1} className="integration__notices" data-card-notices="">
        {notice?.kind === 'error' && <FormAlert>{tiktokCallbackMessage(notice.error, label)}</FormAlert>}
        <StatusMessage tone={notice?.kind === 'window-closed' ? 'neutral' : 'success'}>
          {statusText(notice, connections, label)}
        </StatusMessage>
      </div>
      <StatusMessage tone="neutral" className={defaultPrompt ? 'notice--warning' : undefined}>
        {defaultPrompt && (
          <div className="stack stack--small">
            <p>{defaultPrompt}</p>
            {onChooseDefault && (
              <div>
                <Button size="small" variant="secondary" onClick={onChooseDefault}>
                  Choose a default ad account
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
      return connectedText(connection, notice.reconnected ? 'Reconnected' : 'Connected');
    }
    case 'disconnected':
      return `Disconnected ${notice.name}.`;
    case 'window-closed':
      return tiktokWindowClosedMessage(label);
    default:
      return undefined;
  }
}

/** "Connected Northwind Retail.", or for the accounts outside any Business Center, how many. */
export function connectedText(connection: TikTokConnection, verb: 'Connected' | 'Reconnected'): string {
  const count = connection.accounts.length;
  if (connection.kind === 'outside_business_center') {
    if (count === 0)
      return `${verb} your ad accounts outside a Business Center, but TikTok shows none you can use.`;
    return `${verb} ${count === 1 ? '1 ad account' : `${count} ad accounts`} outside a Business Center.`;
  }
  const name = connection.businessCenterName;
  if (count === 0) return `${verb} ${name}, but TikTok shows no ad accounts you can use there.`;
  return `${verb} ${name}.`;
}
