import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Publish } from '@whathead/contracts';
import { useEffect, useState } from 'react';
import { Button } from '../../../../components/ui/button';
import { Dialog } from '../../../../components/ui/dialog';
import { FormAlert } from '../../../../components/ui/form-alert';
import { Spinner } from '../../../../components/ui/spinner';
import { messageForError } from '../../../../lib/error-messages';
import { draftQueryKeys } from '../../api/draft-query-keys';
import { getDraft } from '../../api/get-draft';
import { isPublishFinished, usePublish } from '../../api/publish-progress';
import { refreshPublishedDraft, startPublish } from '../../api/publish-start';
import { publishQueryKeys } from '../../api/publish-query-keys';
import { PublishPreviewStep } from './publish-preview-step';
import { PublishStatus } from './publish-status';
import { StartFailure } from './start-failure';
import { useAccountCurrency } from './use-account-currency';
import './publish.css';

interface PublishDialogProps {
  workspaceId: string;
  draftId: string;
  /** The saved version to preview; ignored when following a publish. */
  version: number;
  /** A publish to follow at once, instead of starting with the preview. */
  publishId?: string;
  onClose(): void;
  /** Each publish started from here, the first and every retry. */
  onStarted(publish: Publish): void;
  /** The preview found a newer saved version than this tab's: offered as its way forward. */
  onNewerVersion?: (() => void) | undefined;
}

/**
 * Publishing in one dialog: the preview, then the publish followed item by item until it is over
 * (closing it leaves the publish running; the builder's button opens it again). In the dialog
 * rather than on the page: the builder is read-only while a publish runs, so nothing else asks for
 * the user's attention, and the same view serves a publish opened again later.
 */
export function PublishDialog({
  workspaceId,
  draftId,
  version,
  publishId: initialPublishId,
  onClose,
  onStarted,
  onNewerVersion,
}: PublishDialogProps) {
  const [publishId, setPublishId] = useState(initialPublishId ?? null);
  const currencyOf = useAccountCurrency(workspaceId);
  const started = (publish: Publish) => {
    setPublishId(publish.id);
    onStarted(publish);
  };
  return (
    <Dialog title={publishId ? 'Publish' : 'Publish preview'} onClose={onClose}>
      <div className="publish-dialog">
        {publishId ? (
          <PublishProgress
            key={publishId}
            workspaceId={workspaceId}
            draftId={draftId}
            publishId={publishId}
            currencyOf={currencyOf}
            onClose={onClose}
            onStarted={started}
          />
        ) : (
          <PublishPreviewStep
            workspaceId={workspaceId}
            draftId={draftId}
            version={version}
            currencyOf={currencyOf}
            onCancel={onClose}
            onStarted={started}
            onNewerVersion={onNewerVersion}
          />
        )}
      </div>
    </Dialog>
  );
}

interface PublishProgressProps {
  workspaceId: string;
  draftId: string;
  publishId: string;
  currencyOf(advertiserId: string): string | null;
  onClose(): void;
  onStarted(publish: Publish): void;
}

function PublishProgress({
  workspaceId,
  draftId,
  publishId,
  currencyOf,
  onClose,
  onStarted,
}: PublishProgressProps) {
  const queryClient = useQueryClient();
  const publish = usePublish(workspaceId, publishId);
  const finished = publish.data ? isPublishFinished(publish.data.state) : false;

  useEffect(() => {
    // The publish wrote TikTok's ids into the draft (a new version): the builder reads it again.
    if (!finished) return;
    void refreshPublishedDraft(queryClient, workspaceId, draftId);
  }, [finished, queryClient, workspaceId, draftId]);

  // What succeeded is in the draft now, so publishing its latest version sends only the failures.
  const retry = useMutation({
    mutationFn: async () => {
      const draft = await queryClient.fetchQuery({
        queryKey: draftQueryKeys.draft(workspaceId, draftId),
        queryFn: ({ signal }) => getDraft(workspaceId, draftId, { signal }),
        staleTime: 0,
      });
      return startPublish(workspaceId, draftId, draft.version);
    },
    onSuccess: (next) => {
      queryClient.setQueryData(publishQueryKeys.publish(workspaceId, next.id), next);
      void refreshPublishedDraft(queryClient, workspaceId, draftId);
      onStarted(next);
    },
  });

  if (publish.isPending) {
    return (
      <p className="loading-line" role="status">
        <Spinner /> Loading the publish…
      </p>
    );
  }
  if (publish.isError) {
    return (
      <>
        <FormAlert>{messageForError(publish.error)}</FormAlert>
        <div className="form__actions">
          <Button variant="secondary" onClick={() => void publish.refetch()}>
            Try again
          </Button>
        </div>
      </>
    );
  }
  return (
    <>
      <PublishStatus
        publish={publish.data}
        currencyOf={currencyOf}
        onRetry={() => retry.mutate()}
        retrying={retry.isPending}
      />
      <StartFailure error={retry.error} />
      <div className="form__actions">
        {!finished && <p className="form__note">Closing this leaves the publish running.</p>}
        <Button variant={finished ? 'primary' : 'secondary'} onClick={onClose}>
          {finished ? 'Done' : 'Close'}
        </Button>
      </div>
    </>
  );
}
