import type { UseQueryResult } from '@tanstack/react-query';
import type { TikTokConnection, TikTokConnectionsResponse } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { TikTokBusinessCenter } from './tiktok-business-center';
import type { BusinessCenterHandlers } from './tiktok-business-center-details';

/** The card's connections: loading, failed, none yet, or one section per Business Center. */
export function TikTokConnectionList({
  query,
  connections,
  ...handlers
}: {
  query: UseQueryResult<TikTokConnectionsResponse>;
  connections: TikTokConnection[];
} & BusinessCenterHandlers) {
  if (query.isPending) {
    return (
      <p className="loading-line" role="status">
        <Spinner /> Loading TikTok connections…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="stack">
        <FormAlert>{messageForError(query.error)}</FormAlert>
        <div>
          <Button variant="secondary" onClick={() => void query.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  if (connections.length === 0) {
    return (
      <p className="integration__description">
        Connect a TikTok Ads Manager Business Center so your team can run its ad accounts from Whathead.
      </p>
    );
  }
  return (
    <div className="integration__connections">
      {connections.map((connection) => (
        <TikTokBusinessCenter
          key={connection.id}
          connection={connection}
          defaultAdvertiserId={query.data.defaultAdvertiserId}
          collapsible={connections.length > 1}
          {...handlers}
        />
      ))}
    </div>
  );
}
