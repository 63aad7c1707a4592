import type { MediaAccount } from '@whathead/contracts';
import { useState } from 'react';
import { UploadDialog } from '../../../components/media-upload/upload-dialog';
import { Button } from '../../../components/ui/button';
import { PlusIcon } from '../../../components/ui/icons';
import { PageHeader } from '../../../components/ui/page-header';
import { useNow } from '../../../lib/use-now';
import { AccountSelect } from './account-select';
import { LibraryStatus } from './library-status';
import { MediaFilters } from './media-filters';
import { MediaResults } from './media-results';
import { UploadBatches } from './upload-batches';
import { utcToday } from './uploaded-range';
import { isFiltered, libraryFiltersOf, useMediaView } from './use-media-view';
import './media-page.css';

export const pageDescription = 'The videos and images your ads are made of.';

/** The page once the workspace has ad accounts: one account's library, its uploads, and Upload. */
export function MediaLibrary({
  workspaceId,
  accounts,
}: {
  workspaceId: string;
  accounts: readonly MediaAccount[];
}) {
  const { view, changeView } = useMediaView();
  const [isUploading, setIsUploading] = useState(false);
  const now = useNow(60_000);
  const today = utcToday(new Date(now));
  // An account the URL names that is no longer in use gives way to the default, as no account does.
  const account =
    accounts.find((candidate) => candidate.advertiserId === view.account) ??
    accounts.find((candidate) => candidate.isDefault) ??
    accounts[0]!;
  const query = libraryFiltersOf(view, account.advertiserId, today);
  const accountName = (advertiserId: string) =>
    accounts.find((candidate) => candidate.advertiserId === advertiserId)?.name ?? advertiserId;

  return (
    <>
      <PageHeader
        title="Media"
        description={pageDescription}
        actions={
          <Button icon={<PlusIcon />} onClick={() => setIsUploading(true)}>
            Upload
          </Button>
        }
      />
      <div className="media-page">
        <div className="media-page__account">
          <AccountSelect
            accounts={accounts}
            advertiserId={account.advertiserId}
            onChange={(advertiserId) => changeView({ account: advertiserId })}
          />
          <LibraryStatus key={account.advertiserId} workspaceId={workspaceId} account={account} />
        </div>
        <UploadBatches workspaceId={workspaceId} accountName={accountName} />
        <MediaFilters view={view} changeView={changeView} problem={query.problem} today={today} />
        {query.filters && (
          <MediaResults
            workspaceId={workspaceId}
            account={account}
            filters={query.filters}
            layout={view.layout}
            isFiltered={isFiltered(view)}
            onClearFilters={() =>
              changeView({ kind: null, ratio: null, q: '', uploaded: 'any', from: null, to: null })
            }
            onUpload={() => setIsUploading(true)}
          />
        )}
      </div>
      {isUploading && (
        <UploadDialog
          workspaceId={workspaceId}
          accounts={accounts}
          // The account being looked at: the default one unless the person chose another.
          initialAccountIds={[account.advertiserId]}
          onClose={() => setIsUploading(false)}
        />
      )}
    </>
  );
}
