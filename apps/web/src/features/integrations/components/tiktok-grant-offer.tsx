import type { TikTokPendingGrant } from '@whathead/contracts';
import { useEffect, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { useNow } from '../../../lib/use-now';
import { useTikTokGrants } from '../api/get-tiktok-grants';

const minuteMilliseconds = 60_000;

/** How long the server holds a sign-in: the countdown never shows more. */
const holdMinutes = 10;

/**
 * "Connect a Business Center from this sign-in": a TikTok sign-in of this session that still has
 * Business Centers to connect, usable for ten minutes without signing in at TikTok again. It says
 * "another" only once the workspace has a connection. After "Select your Business Center" is
 * cancelled, the offer for that sign-in takes the focus (`focusGrantId`), once it is on screen.
 */
export function TikTokGrantOffer({
  workspaceId,
  hasConnections,
  onChoose,
  focusGrantId,
  onFocused,
}: {
  workspaceId: string;
  hasConnections: boolean;
  onChoose: (grantId: string) => void;
  focusGrantId: string | null;
  onFocused: () => void;
}) {
  const grants = useTikTokGrants(workspaceId);
  const open = (grants.data?.grants ?? []).filter(hasUnconnected);
  if (open.length === 0) return null;
  return (
    <div className="integration__grant-offers">
      {open.map((grant) => (
        // Keyed by expiry too: a refreshed grant starts its countdown from the time it arrived.
        <GrantOffer
          key={`${grant.id}-${grant.expiresAt}`}
          grant={grant}
          label={
            hasConnections
              ? 'Connect another Business Center from this sign-in'
              : 'Connect a Business Center from this sign-in'
          }
          onChoose={onChoose}
          focus={grant.id === focusGrantId}
          onFocused={onFocused}
        />
      ))}
    </div>
  );
}

function GrantOffer({
  grant,
  label,
  onChoose,
  focus,
  onFocused,
}: {
  grant: TikTokPendingGrant;
  label: string;
  onChoose: (grantId: string) => void;
  focus: boolean;
  onFocused: () => void;
}) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focus || !buttonRef.current) return;
    buttonRef.current.focus();
    onFocused();
  }, [focus, onFocused]);
  const now = useNow(minuteMilliseconds / 4);
  const left = Date.parse(grant.expiresAt) - now;
  if (left <= 0) return null;
  const minutes = Math.min(holdMinutes, Math.max(1, Math.ceil(left / minuteMilliseconds)));
  return (
    <p className="integration__grant-offer">
      <Button ref={buttonRef} variant="secondary" size="small" onClick={() => onChoose(grant.id)}>
        {label}
      </Button>
      <span className="integration__footnote">
        {minutes === 1 ? '1 minute left' : `${minutes} minutes left`}, no new TikTok sign-in needed.
      </span>
    </p>
  );
}

function hasUnconnected(grant: TikTokPendingGrant): boolean {
  return grant.groups.some((group) => group.connectionId === null);
}
