import type { MediaItem, MediaKind, MediaRatio } from '@whathead/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { messageForError } from '../../lib/error-messages';
import type { useMediaLibrary } from '../../lib/media-library';
import { Button } from '../ui/button';
import { FormAlert } from '../ui/form-alert';
import { PlusIcon } from '../ui/icons';
import { SearchField } from '../ui/search-field';
import { Spinner } from '../ui/spinner';
import { StatusMessage } from '../ui/status-message';
import { KindSelect, RatioSelect } from './media-filter-fields';
import { PickerTile } from './picker-tile';

export interface PickerFilters {
  q: string;
  kind: MediaKind | null;
  ratio: MediaRatio | null;
}

interface PickerLibraryProps {
  library: ReturnType<typeof useMediaLibrary>;
  filters: PickerFilters;
  onFilters: (filters: PickerFilters) => void;
  /** A kind the caller asked for: then it is not offered as a filter. */
  fixedKind: MediaKind | undefined;
  /** Whether the Upload button takes focus as the library appears (coming back from an upload). */
  focusUpload: boolean;
  onUpload: () => void;
  onSelect: (item: MediaItem) => void;
  onClose: () => void;
}

/** The account's library to choose from: search, filters, a grid of radios, and what to do with the choice. */
export function PickerLibrary({
  library,
  filters,
  onFilters,
  fixedKind,
  focusUpload,
  onUpload,
  onSelect,
  onClose,
}: PickerLibraryProps) {
  const group = useId();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const uploadRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusUpload) uploadRef.current?.focus();
  }, [focusUpload]);
  const items = library.data?.pages.flatMap((page) => page.items) ?? [];
  // A choice the filters no longer show is no choice: Select must not pick what cannot be seen.
  const chosen = items.find((item) => item.mediaId === chosenId && item.displayable !== false);

  return (
    <div className="picker">
      <div className="picker__filters">
        <SearchField
          value={filters.q}
          label="Search by name"
          onSearch={(q) => onFilters({ ...filters, q })}
        />
        {fixedKind === undefined && (
          <KindSelect kind={filters.kind} onChange={(kind) => onFilters({ ...filters, kind })} />
        )}
        <RatioSelect ratio={filters.ratio} onChange={(ratio) => onFilters({ ...filters, ratio })} />
      </div>
      <PickerResults
        library={library}
        items={items}
        group={group}
        chosenId={chosen?.mediaId ?? null}
        onChoose={setChosenId}
      />
      <StatusMessage tone="neutral" className="visually-hidden">
        {library.isSuccess && !library.isPlaceholderData ? `${items.length} shown.` : ''}
      </StatusMessage>
      <div className="picker__actions">
        <Button ref={uploadRef} variant="secondary" icon={<PlusIcon />} onClick={onUpload}>
          Upload
        </Button>
        <span className="picker__spacer" />
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button aria-disabled={!chosen || undefined} onClick={() => chosen && onSelect(chosen)}>
          Select
        </Button>
      </div>
    </div>
  );
}

interface PickerResultsProps {
  library: ReturnType<typeof useMediaLibrary>;
  items: readonly MediaItem[];
  group: string;
  chosenId: string | null;
  onChoose: (mediaId: string) => void;
}

function PickerResults({ library, items, group, chosenId, onChoose }: PickerResultsProps) {
  if (library.isPending) {
    return (
      <p className="loading-line" role="status">
        <Spinner /> Loading the library…
      </p>
    );
  }
  if (library.isError) {
    return (
      <div className="stack">
        <FormAlert>{messageForError(library.error)}</FormAlert>
        <div>
          <Button variant="secondary" size="small" onClick={() => void library.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <p className="picker__empty">
        Nothing in this ad account’s library matches. Upload a file, or search for another.
      </p>
    );
  }
  return (
    <fieldset className="picker__results" aria-busy={library.isPlaceholderData || undefined}>
      <legend className="visually-hidden">Images and videos</legend>
      <ul className="picker__grid">
        {items.map((item) => (
          <PickerTile
            key={item.mediaId}
            item={item}
            group={group}
            isChosen={item.mediaId === chosenId}
            onChoose={() => onChoose(item.mediaId)}
          />
        ))}
      </ul>
      {library.hasNextPage && (
        <div className="picker__more">
          <Button
            variant="secondary"
            size="small"
            isLoading={library.isFetchingNextPage}
            onClick={() => void library.fetchNextPage()}
          >
            Load more
          </Button>
        </div>
      )}
    </fieldset>
  );
}
