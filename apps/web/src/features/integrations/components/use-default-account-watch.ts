import type { TikTokConnectionsResponse } from '@whathead/contracts';
import { useState } from 'react';

export interface LostDefault {
  advertiserId: string;
  name: string;
}

/** The workspace's default account, while it exists and TikTok lets it run ads; null otherwise. */
function workingDefault(response: TikTokConnectionsResponse): LostDefault | null {
  const advertiserId = response.defaultAdvertiserId;
  if (advertiserId === null) return null;
  for (const connection of response.connections) {
    const account = connection.accounts.find((candidate) => candidate.advertiserId === advertiserId);
    if (account) return account.accessible && account.usable ? { advertiserId, name: account.name } : null;
  }
  return null;
}

/**
 * Notices, between two answers, that the default account changed or stopped working without the
 * user choosing so (its Business Center disconnected, TikTok withdrew it), so the card can say so
 * and ask for another. A default the user just saved is expected, not lost.
 */
export function useDefaultAccountWatch(response: TikTokConnectionsResponse | undefined) {
  const [previous, setPrevious] = useState(response);
  const [expected, setExpected] = useState<{ advertiserId: string | null } | null>(null);
  const [lost, setLost] = useState<LostDefault | null>(null);
  if (response !== previous) {
    setPrevious(response);
    if (previous && response) {
      const before = workingDefault(previous);
      const now = workingDefault(response);
      const chosenByUser = expected !== null && response.defaultAdvertiserId === expected.advertiserId;
      if (chosenByUser) setExpected(null);
      if (before && before.advertiserId !== now?.advertiserId && !chosenByUser) setLost(before);
      else if (now) setLost(null);
    }
  }
  return {
    lost,
    expectDefault: (advertiserId: string | null) => setExpected({ advertiserId }),
  };
}
