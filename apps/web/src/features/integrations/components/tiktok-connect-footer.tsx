import { useId, type Ref } from 'react';
import { Button } from '../../../components/ui/button';
import { PlusIcon } from '../../../components/ui/icons';

/**
 * Connect (nothing connected yet) or Add Another Account, the help page's words, with what the
 * latter does beside it: it connects another Business Center.
 */
export function TikTokConnectFooter({
  hasConnections,
  isStarting,
  waiting,
  onConnect,
  buttonRef,
}: {
  hasConnections: boolean;
  isStarting: boolean;
  /** TikTok's window is open: the button brings it back rather than opening a second one. */
  waiting: boolean;
  onConnect: () => void;
  buttonRef: Ref<HTMLButtonElement>;
}) {
  const helpId = useId();
  return (
    <div className="integration__footer">
      <Button
        ref={buttonRef}
        variant={hasConnections ? 'secondary' : 'primary'}
        icon={hasConnections ? <PlusIcon size={16} /> : undefined}
        isLoading={isStarting}
        aria-describedby={helpId}
        onClick={onConnect}
      >
        {hasConnections ? 'Add Another Account' : 'Connect'}
      </Button>
      <p id={helpId} className="integration__footnote">
        {waiting
          ? 'TikTok’s window is already open: this brings it to the front.'
          : hasConnections
            ? 'Connects another Business Center, for another client or brand.'
            : 'Opens TikTok in a new window. You need Admin or Operator access to the ad accounts.'}
      </p>
    </div>
  );
}
