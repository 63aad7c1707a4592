import type { MediaAccount, MediaItem } from '@whathead/contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormAlert } from '../../../components/ui/form-alert';
import { MediaIcon, PlusIcon } from '../../../components/ui/icons';
import { Spinner } from '../../../components/ui/spinner';
import { StatusMessage } from '../../../components/ui/status-message';
import { messageForError } from '../../../lib/error-messages';
import { useMediaLibrary, type MediaLibraryFilters } from '../../../lib/media-library';
import { countOf } from '../../../lib/media-words';
import { isImporting } from '../api/get-media-accounts';
import { MediaGrid } from './media-grid';
import { MediaList } from './media-list';
import { MediaPreviewDialog } from './media-preview-dialog';
import { noMatchWords } from './no-match-words';
import type { MediaLayout } from './use-media-view';

interface MediaResultsProps {
  workspaceId: string;
  account: MediaAccount;
  filters: MediaLibraryFilters;
  layout: MediaLayout;
  isFiltered: boolean;
  onClearFilters: () => void;
  /** Opens the upload dialog, offered where the library is empty. */
  onUpload: () => void;
}

/** The account's items in the chosen layout, page after page, and the preview of the one opened. */
export function MediaResults({
  workspaceId,
  account,
  filters,
  layout,
  isFiltered,
  onClearFilters,
  onUpload,
}: MediaResultsProps) {
  const library = useMediaLibrary(workspaceId, filters);
  const [opened, setOpened] = useState<MediaItem | null>(null);
  const items = library.data?.pages.flatMap((page) => page.items) ?? [];

  let content;
  if (library.isPending) {
    content = (
      <p className="loading-line" role="status">
        <Spinner /> Loading the library…
      </p>
    );
  } else if (library.isError) {
    content = (
      <div className="stack">
        <FormAlert>{messageForError(library.error)}</FormAlert>
        <div>
          <Button variant="secondary" onClick={() => void library.refetch()}>
            Try again
          </Button>
        </div>
      </div>
    );
  } else if (items.length === 0) {
    content = (
      <NoItems
        account={account}
        filters={filters}
        isFiltered={isFiltered}
        onClearFilters={onClearFilters}
        onUpload={onUpload}
      />
    );
  } else {
    content = (
      <div className="media-results" aria-busy={library.isPlaceholderData || undefined}>
        {layout === 'grid' ? (
          <MediaGrid items={items} onOpen={setOpened} />
        ) : (
          <MediaList items={items} onOpen={setOpened} />
        )}
        {library.hasNextPage && (
          <div className="media-results__more">
            <Button
              variant="secondary"
              isLoading={library.isFetchingNextPage}
              onClick={() => void library.fetchNextPage()}
            >
              Load more
            </Button>
          </div>
        )}
      </div>
    );
  }
  return (
    <>
      {content}
      <StatusMessage tone="neutral" className="visually-hidden">
        {library.isSuccess && !library.isPlaceholderData ? `${countOf(items.length, 'item')} shown.` : ''}
      </StatusMessage>
      {opened && <MediaPreviewDialog item={opened} onClose={() => setOpened(null)} />}
    </>
  );
}

function NoItems({
  account,
  filters,
  isFiltered,
  onClearFilters,
  onUpload,
}: Pick<MediaResultsProps, 'account' | 'filters' | 'isFiltered' | 'onClearFilters' | 'onUpload'>) {
  if (isFiltered) {
    return (
      <EmptyState
        icon={<MediaIcon size={28} />}
        title="Nothing matches these filters"
        action={
          <Button variant="secondary" onClick={onClearFilters}>
            Clear filters
          </Button>
        }
      >
        <p>{noMatchWords(filters, account.name)}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<MediaIcon size={28} />}
      title={`No images or videos in ${account.name} yet`}
      action={
        isImporting(account) ? undefined : (
          <Button icon={<PlusIcon />} onClick={onUpload}>
            Upload images and videos
          </Button>
        )
      }
    >
      <p>
        {isImporting(account)
          ? 'The library is being imported from TikTok: its images and videos appear here as it finishes.'
          : 'Upload images and videos to use them in this ad account’s ads.'}
      </p>
    </EmptyState>
  );
}
