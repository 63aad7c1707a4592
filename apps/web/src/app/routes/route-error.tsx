import { isRouteErrorResponse, useRouteError } from 'react-router';
import { FullPageMessage } from '../../components/layout/full-page-status';
import { Button } from '../../components/ui/button';
import { AlertIcon } from '../../components/ui/icons';
import { messageForError } from '../../lib/error-messages';

/** Shown when a page cannot render at all, typically because the server could not be reached. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? errorResponseMessage(error.status) : messageForError(error);
  return (
    <FullPageMessage
      title="Whathead couldn’t load this page"
      icon={<AlertIcon size={28} />}
      actions={<Button onClick={() => window.location.reload()}>Try again</Button>}
    >
      <p role="alert">{message}</p>
    </FullPageMessage>
  );
}

function errorResponseMessage(status: number): string {
  return status === 404 ? 'We couldn’t find that page.' : 'Something went wrong. Try again in a moment.';
}
