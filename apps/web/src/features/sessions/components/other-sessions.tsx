import { useId } from 'react';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { StatusMessage } from '../../../components/ui/status-message';
import { messageForError } from '../../../lib/error-messages';
import { useOtherSessions } from '../api/get-other-sessions';
import { useLogOutOtherSessions } from '../api/log-out-other-sessions';

const sessionsPhrase = (count: number) => (count === 1 ? '1 other session' : `${count} other sessions`);
const devicesPhrase = (count: number) =>
  count === 1 ? '1 other browser or device' : `${count} other browsers or devices`;

/** The other browsers and devices logged in to this account, and a button that logs them all out. */
export function OtherSessions() {
  const others = useOtherSessions();
  const logOutOthers = useLogOutOtherSessions();
  const countId = useId();
  const isOnlyHere = others.isSuccess && others.data.count === 0;

  return (
    <div className="stack">
      {others.isPending && (
        <p className="loading-line" role="status">
          <Spinner /> Counting your sessions…
        </p>
      )}
      {others.isError && <FormAlert>{messageForError(others.error)}</FormAlert>}
      {others.isSuccess && (
        <p id={countId}>
          {isOnlyHere
            ? 'You’re logged in only here.'
            : `You’re also logged in on ${devicesPhrase(others.data.count)}.`}
        </p>
      )}
      <FormAlert>{logOutOthers.isError && messageForError(logOutOthers.error)}</FormAlert>
      <StatusMessage>
        {logOutOthers.isSuccess &&
          (logOutOthers.data.ended === 0
            ? 'There were no other sessions to log out.'
            : `Logged out ${sessionsPhrase(logOutOthers.data.ended)}. This browser stays logged in.`)}
      </StatusMessage>
      <div>
        {/* Inactive rather than disabled with nothing to log out: it may hold the focus right after use. */}
        <Button
          variant="secondary"
          isLoading={logOutOthers.isPending}
          aria-disabled={isOnlyHere}
          aria-describedby={others.isSuccess ? countId : undefined}
          onClick={() => logOutOthers.mutate()}
        >
          Log out other sessions
        </Button>
      </div>
    </div>
  );
}
