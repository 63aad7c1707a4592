import { useCallback, useMemo } from 'react';
import { useTikTokConnections } from '../../../../lib/tiktok-connections';

/**
 * Each ad account's currency, for the amounts of a publish. The builder has read the connections
 * already (the query is shared); until they arrive, or for an account no longer connected, amounts
 * show as plain numbers.
 */
export function useAccountCurrency(workspaceId: string): (advertiserId: string) => string | null {
  const connections = useTikTokConnections(workspaceId);
  const currencies = useMemo(() => {
    const byAccount = new Map<string, string | null>();
    for (const connection of connections.data?.connections ?? [])
      for (const account of connection.accounts) byAccount.set(account.advertiserId, account.currency);
    return byAccount;
  }, [connections.data]);
  return useCallback((advertiserId) => currencies.get(advertiserId) ?? null, [currencies]);
}
