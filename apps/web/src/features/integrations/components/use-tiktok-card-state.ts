import type { TikTokCallbackError } from '@whathead/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { readTikTokConnectResult } from './tiktok-connect-channel';
import type { TikTokConnectOutcome } from './use-tiktok-connect';

/** The card's one message about the last thing that happened; it describes the current state. */
export type TikTokCardNotice =
  | { kind: 'connected'; connectionId: string }
  | { kind: 'disconnected'; name: string }
  | { kind: 'error'; error: TikTokCallbackError }
  | { kind: 'window-closed' };

/** At most one dialog at a time: choosing a Business Center of a grant, or an account chooser. */
export type TikTokCardDialog =
  { kind: 'grant'; grantId: string } | { kind: 'accounts'; connectionId: string };

interface CardState {
  notice: TikTokCardNotice | null;
  dialog: TikTokCardDialog | null;
}

/** A connection made (or reconnected) goes straight on to choosing its accounts (help page step 5). */
function stateAfter(outcome: TikTokConnectOutcome): CardState {
  if ('connected' in outcome) {
    return {
      notice: { kind: 'connected', connectionId: outcome.connected },
      dialog: { kind: 'accounts', connectionId: outcome.connected },
    };
  }
  if ('grant' in outcome) return { notice: null, dialog: { kind: 'grant', grantId: outcome.grant } };
  if ('error' in outcome) return { notice: { kind: 'error', error: outcome.error }, dialog: null };
  return { notice: { kind: 'window-closed' }, dialog: null };
}

/**
 * The card's notice and dialog, driven by Connect's outcomes. A full-page connect (the browser
 * blocked the popup) leaves its result in the address: it is read once, then the address is
 * cleaned at once, so a reload or a shared link never repeats it.
 */
export function useTikTokCardState() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [state, setState] = useState<CardState>(() => {
    const result = readTikTokConnectResult(searchParams);
    return result ? stateAfter(result) : { notice: null, dialog: null };
  });
  const hasResult = readTikTokConnectResult(searchParams) !== undefined;
  useEffect(() => {
    if (hasResult) setSearchParams({}, { replace: true });
  }, [hasResult, setSearchParams]);

  return {
    ...state,
    handleOutcome: useCallback((outcome: TikTokConnectOutcome) => setState(stateAfter(outcome)), []),
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
