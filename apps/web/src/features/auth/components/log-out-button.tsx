import { Button } from '../../../components/ui/button';
import { LogOutIcon } from '../../../components/ui/icons';
import { messageForError } from '../../../lib/error-messages';
import { useLogOut } from '../api/log-out';

interface LogOutButtonProps {
  /** Where to go once logged out; the log-in page by default. */
  destination?: string;
  variant?: 'ghost' | 'secondary';
}

export function LogOutButton({ destination, variant = 'ghost' }: LogOutButtonProps) {
  const logOut = useLogOut({ destination });
  return (
    <span className="log-out">
      <Button
        variant={variant}
        size="small"
        icon={<LogOutIcon />}
        isLoading={logOut.isPending}
        onClick={() => logOut.mutate()}
      >
        Log out
      </Button>
      {logOut.isError && (
        <span className="log-out__error" role="alert">
          {messageForError(logOut.error)}
        </span>
      )}
    </span>
  );
}
