import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { useOtherSessions } from '../api/get-other-sessions';
import { useLogOutOtherSessions } from '../api/log-out-other-sessions';

const sessionsPhrase = (count: number) => (count === 1 ? '1 other session' : `${count} other sessions`);

/** The other browsers and devices logged in to this account, and a button that logs them all out. */
export function OtherSessions() {
  const others = useOtherSessions();
  const logOutOthers = useLogOutOtherSessions();

  return (
    <div className="stack">
      {others.isPending && (
        <p className="loading-line" role="status">
          <Spinner /> Counting your sessions…
        </p>
      )}
      {others.isError && <FormAlert>{messageForError(others.error)}</FormAlert>}
      {others.isSuccess && (
        <p>
          {others.data.count === 0
            ? 'You’re logged in only here.'
            : `You’re also logged in on ${others.data.count === 1 ? '1 other browser or device' : `${others.data.count} other browsers or devices`}.`}
        </p>
      )}
      <FormAlert>{logOutOthers.isError && messageForError(logOutOthers.error)}</FormAlert>
      {logOutOthers.isSuccess && (
        <p className="notice notice--success" role="status">
          {logOutOthers.data.ended === 0
            ? 'There were no other sessions to log out.'
            : `Logged out ${sessionsPhrase(logOutOthers.data.ended)}. This browser stays logged in.`}
        </p>
      )}
      <div>
        <Button variant="secondary" isLoading={logOutOthers.isPending} onClick={() => logOutOthers.mutate()}>
          Log out other sessions
        </Button>
      </div>
    </div>
  );
}
