import type { CampaignLevel } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormAlert } from '../../../components/ui/form-alert';
import { CampaignsIcon, SearchIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { messageForError } from '../../../lib/error-messages';
import { levelNouns } from './campaign-words';

export function TableLoading({ level }: { level: CampaignLevel }) {
  return (
    <p className="loading-line campaign-panel__state" role="status">
      <Spinner /> Loading {levelNouns[level].many}…
    </p>
  );
}

export function TableError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div className="stack campaign-panel__state">
      <FormAlert>{messageForError(error)}</FormAlert>
      <div>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </div>
  );
}

interface TableEmptyProps {
  level: CampaignLevel;
  /** Whether a status, objective, search or campaign selection narrows the view. */
  isFiltered: boolean;
  /** The accounts shown, when they are not all of them ("Northwind US", "3 ad accounts"). */
  narrowedTo: string | null;
  /** Whether a first import is still bringing rows in. */
  isImporting: boolean;
  onClearFilters: () => void;
}

/** Why the table has no rows, truthfully: still importing, filtered out, or none at TikTok. */
export function TableEmpty({ level, isFiltered, narrowedTo, isImporting, onClearFilters }: TableEmptyProps) {
  const nouns = levelNouns[level];
  const clear = (isFiltered || narrowedTo !== null) && (
    <Button variant="secondary" onClick={onClearFilters}>
      {isFiltered ? 'Clear filters' : 'Show all ad accounts'}
    </Button>
  );
  if (isImporting) {
    return (
      <EmptyState
        icon={<Spinner className="spinner--large" />}
        title={`Importing ${nouns.many} from TikTok`}
        action={clear}
      >
        <p>
          They appear here as each ad account finishes importing. You can leave this page: the import carries
          on.
        </p>
      </EmptyState>
    );
  }
  if (isFiltered) {
    return (
      <EmptyState
        icon={<SearchIcon size={28} />}
        title={`No ${nouns.many} match these filters`}
        action={clear}
      >
        <p>Try other filters, another search, or more ad accounts.</p>
      </EmptyState>
    );
  }
  if (narrowedTo !== null) {
    return (
      <EmptyState
        icon={<CampaignsIcon size={28} />}
        title={`No ${nouns.many} in ${narrowedTo}`}
        action={clear}
      >
        <p>Other ad accounts of this workspace may have some.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={<CampaignsIcon size={28} />} title={`No ${nouns.many} yet`}>
      <p>
        The ad accounts shown have no {nouns.many} at TikTok. {nouns.title} created in TikTok Ads Manager
        appear here after the next sync.
      </p>
    </EmptyState>
  );
}
