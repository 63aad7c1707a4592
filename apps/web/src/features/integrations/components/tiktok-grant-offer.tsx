import type { TikTokPendingGrant } from '@whathead/contracts';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { useTikTokGrants } from '../api/get-tiktok-grants';

const minuteMilliseconds = 60_000;

/**
 * "Connect another Business Center from this sign-in": a TikTok sign-in of this session that still
 * has Business Centers to connect, usable for ten minutes without signing in at TikTok again.
 */
export function TikTokGrantOffer({
  workspaceId,
  onChoose,
}: {
  workspaceId: string;
  onChoose: (grantId: string) => void;
}) {
  const grants = useTikTokGrants(workspaceId);
  const now = useNow(minuteMilliseconds / 4);
  const open = (grants.data?.grants ?? []).filter(
    (grant) => hasUnconnected(grant) && Date.parse(grant.expiresAt) > now,
  );
  if (open.length === 0) return null;
  return (
    <div className="integration__grant-offers">
      {open.map((grant) => {
        const minutes = Math.max(1, Math.ceil((Date.parse(grant.expiresAt) - now) / minuteMilliseconds));
        return (
          <p key={grant.id} className="integration__grant-offer">
            <Button variant="secondary" size="small" onClick={() => onChoose(grant.id)}>
              Connect another Business Center from this sign-in
            </Button>
            <span className="integration__footnote">
              {minutes === 1 ? '1 minute left' : `${minutes} minutes left`}, no new TikTok sign-in needed.
            </span>
          </p>
        );
      })}
    </div>
  );
}

function hasUnconnected(grant: TikTokPendingGrant): boolean {
  return grant.groups.some((group) => group.connectionId === null);
}

/** The current time, refreshed every `intervalMilliseconds`, so a countdown moves. */
function useNow(intervalMilliseconds: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMilliseconds);
    return () => window.clearInterval(timer);
  }, [intervalMilliseconds]);
  return now;
}
