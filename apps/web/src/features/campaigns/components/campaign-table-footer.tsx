import type { CampaignLevel } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { levelNouns } from './campaign-words';

interface CampaignTableFooterProps {
  level: CampaignLevel;
  loaded: number;
  hasMore: boolean;
  isLoadingMore: boolean;
  loadError: unknown;
  onRetry: () => void;
}

/** How much of the view is loaded, that more is coming, or why it stopped coming. */
export function CampaignTableFooter({
  level,
  loaded,
  hasMore,
  isLoadingMore,
  loadError,
  onRetry,
}: CampaignTableFooterProps) {
  const nouns = levelNouns[level];
  const amount = `${loaded.toLocaleString()} ${loaded === 1 ? nouns.one : nouns.many}`;
  return (
    <div className="campaign-table__footer">
      <p>{hasMore ? `Showing ${amount}; more load as you scroll.` : amount}</p>
      <p role="status" className="loading-line">
        {isLoadingMore && (
          <>
            <Spinner /> Loading {nouns.many}…
          </>
        )}
      </p>
      {loadError !== null && (
        <div className="campaign-table__retry">
          <FormAlert>{messageForError(loadError)}</FormAlert>
          <Button variant="secondary" size="small" onClick={onRetry}>
            Try again
          </Button>
        </div>
      )}
    </div>
  );
}
