import type { TikTokCallbackError, TikTokConnection, TikTokConnectionsResponse } from '@whathead/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { readTikTokConnectResult } from './tiktok-connect-channel';
import type { TikTokConnectOutcome } from './use-tiktok-connect';

/** The card's one message about the last thing that happened; it describes the current state. */
export type TikTokCardNotice =
  | { kind: 'connected'; connectionId: string; reconnected: boolean }
  | { kind: 'disconnected'; name: string }
  | { kind: 'saved'; text: string }
  | { kind: 'error'; error: TikTokCallbackError; retryAt?: string | undefined }
  | { kind: 'window-closed' };

/**
 * At most one dialog at a time: choosing a Business Center of a grant, or an account chooser.
 * A chooser asked for by a connect (`afterConnect`) opens only once the fresh list shows there is
 * something to choose (help page step 5), so it waits for that list.
 */
export type TikTokCardDialog =
  | { kind: 'grant'; grantId: string }
  | { kind: 'accounts'; connectionId: string; afterConnect?: AfterConnect };

/** What a reconnect knew before: the accounts then, and the answer it must wait past. */
interface AfterConnect {
  before: { advertiserIds: string[]; answeredAt: number } | null;
}

/** The connection as the user left it before Reconnect, to tell whether its accounts changed. */
export interface ReconnectContext {
  connection: TikTokConnection;
  answeredAt: number;
}

interface CardState {
  notice: TikTokCardNotice | null;
  dialog: TikTokCardDialog | null;
}

function stateAfter(outcome: TikTokConnectOutcome, reconnect?: ReconnectContext): CardState {
  if ('connected' in outcome) {
    const reconnected = reconnect?.connection.id === outcome.connected;
    return {
      notice: { kind: 'connected', connectionId: outcome.connected, reconnected },
      dialog: {
        kind: 'accounts',
        connectionId: outcome.connected,
        afterConnect: {
          before:
            reconnect && reconnected
              ? {
                  advertiserIds: reconnect.connection.accounts.map((account) => account.advertiserId),
                  answeredAt: reconnect.answeredAt,
                }
              : null,
        },
      },
    };
  }
  if ('grant' in outcome) return { notice: null, dialog: { kind: 'grant', grantId: outcome.grant } };
  if ('error' in outcome)
    return { notice: { kind: 'error', error: outcome.error, retryAt: outcome.retryAt }, dialog: null };
  return { notice: { kind: 'window-closed' }, dialog: null };
}

/**
 * Whether the chooser a connect asked for should open, once the answer after the connect is here:
 * never for a connection without accounts (the card explains that instead), and after a reconnect
 * only when TikTok's list of accounts changed. Undefined while that answer is still on its way.
 */
export function opensAfterConnect(
  afterConnect: AfterConnect,
  connection: TikTokConnection | undefined,
  answeredAt: number,
): boolean | undefined {
  const { before } = afterConnect;
  if (!connection || (before && answeredAt <= before.answeredAt)) return undefined;
  if (connection.accounts.length === 0) return false;
  if (!before) return true;
  const known = new Set(before.advertiserIds);
  return (
    connection.accounts.length !== known.size ||
    connection.accounts.some(
      (account) => !known.has(account.advertiserId) || account.isNew || !account.accessible,
    )
  );
}

/**
 * The card's notice and dialog, driven by Connect's outcomes. A full-page connect (the browser
 * blocked the popup) leaves its result in the address: it is read once, then the address is
 * cleaned at once, so a reload or a shared link never repeats it. The card is keyed by workspace,
 * so none of this carries over to another workspace.
 */
export function useTikTokCardState(response: TikTokConnectionsResponse | undefined, answeredAt: number) {
  const [searchParams, setSearchParams] = useSearchParams();
  const [state, setState] = useState<CardState>(() => {
    const result = readTikTokConnectResult(searchParams);
    return result ? stateAfter(result) : { notice: null, dialog: null };
  });
  const hasResult = readTikTokConnectResult(searchParams) !== undefined;
  useEffect(() => {
    if (hasResult) setSearchParams({}, { replace: true });
  }, [hasResult, setSearchParams]);

  // Settle a chooser asked for by a connect as soon as the answer that decides it arrives.
  const { dialog } = state;
  if (dialog?.kind === 'accounts' && dialog.afterConnect) {
    const connection = response?.connections.find((candidate) => candidate.id === dialog.connectionId);
    const opens = opensAfterConnect(dialog.afterConnect, connection, answeredAt);
    if (opens !== undefined) {
      setState({ ...state, dialog: opens ? { kind: 'accounts', connectionId: dialog.connectionId } : null });
    }
  }

  return {
    notice: state.notice,
    /** The dialog to show; a chooser still waiting for its answer is not shown yet. */
    dialog: dialog?.kind === 'accounts' && dialog.afterConnect ? null : dialog,
    handleOutcome: useCallback(
      (outcome: TikTokConnectOutcome, reconnect?: ReconnectContext) =>
        setState(stateAfter(outcome, reconnect)),
      [],
    ),
    setNotice: useCallback(
      (notice: TikTokCardNotice | null) => setState((current) => ({ ...current, notice })),
      [],
    ),
    openDialog: useCallback(
      (dialog: TikTokCardDialog | null) => setState((current) => ({ ...current, dialog })),
      [],
    ),
  };
}
