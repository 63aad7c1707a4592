import type { TikTokConnection, TikTokConnectionsResponse } from '@whathead/contracts';
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

  const status = statusText(notice, connections, label);
  const defaultPrompt = lostDefault
    ? `Your default ad account ${lostDefault.name} is no longer available — choose another.`
    : needsDefault
      ? 'Choose a default ad account: it is pre-selected when you create a campaign.'
      : undefined;
  return (
    <>
      <div ref={regionRef} tabIndex={-1} className="integration__notices" data-card-notices="">
        {notice?.kind === 'error' && (
          <FormAlert>{tiktokCallbackMessage(notice.error, label, notice.retryAt)}</FormAlert>
        )}
        <StatusMessage
          tone={status?.tone === 'success' ? 'success' : 'neutral'}
          className={status?.tone === 'warning' ? 'notice--warning' : undefined}
        >
          {status?.text}
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

/** The outcome's words, and how it looks: a connect that shows no usable accounts is a warning. */
function statusText(
  notice: TikTokCardNotice | null,
  connections: TikTokConnection[],
  label: TikTokConnectLabel,
): { text: string; tone: 'success' | 'neutral' | 'warning' } | undefined {
  switch (notice?.kind) {
    case 'connected': {
      const connection = connections.find((candidate) => candidate.id === notice.connectionId);
      // Until the fresh list arrives there is no name to give; once it needs attention, its own notice speaks.
      if (!connection || connection.status === 'needs_attention') return undefined;
      return {
        text: connectedText(connection, notice.reconnected ? 'Reconnected' : 'Connected'),
        tone: connection.accounts.length === 0 ? 'warning' : 'success',
      };
    }
    case 'disconnected':
      return { text: `Disconnected ${notice.name}.`, tone: 'success' };
    case 'saved':
      return { text: notice.text, tone: 'success' };
    case 'window-closed':
      return { text: tiktokWindowClosedMessage(label), tone: 'neutral' };
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

/**
 * "Saved: 2 ad accounts in use in Bluebird Agency, default Café Lumen.", from the answer to Save:
 * the default is the workspace's one, named with its Business Center when it is another one.
 */
export function savedText(response: TikTokConnectionsResponse, connectionId: string): string {
  const connection = response.connections.find((candidate) => candidate.id === connectionId);
  if (!connection) return 'Saved.';
  const inUse = connection.accounts.filter((account) => account.selected).length;
  const where =
    connection.kind === 'outside_business_center'
      ? 'outside a Business Center'
      : `in ${connection.businessCenterName}`;
  const owner = response.connections.find((candidate) =>
    candidate.accounts.some((account) => account.advertiserId === response.defaultAdvertiserId),
  );
  const defaultAccount = owner?.accounts.find(
    (account) => account.advertiserId === response.defaultAdvertiserId,
  );
  const defaultPart =
    !owner || !defaultAccount
      ? 'no default'
      : owner.id === connectionId
        ? `default ${defaultAccount.name}`
        : `default ${defaultAccount.name} in ${owner.businessCenterName}`;
  return `Saved: ${inUse === 1 ? '1 ad account' : `${inUse} ad accounts`} in use ${where}, ${defaultPart}.`;
}
