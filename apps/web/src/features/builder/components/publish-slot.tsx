import type { Publish } from '@whathead/contracts';
import { useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { useActiveWorkspace } from '../../../lib/session';
import { isPublishFinished, usePublish } from '../api/publish-progress';
import { PublishDialog } from './publish/publish-dialog';

export interface PublishButtonProps {
  draftId: string;
  /** The version last saved: what a publish would send. */
  version: number;
  /** Errors block publishing, as do unsaved changes and a publish already under way. */
  disabled: boolean;
  /** Told of each publish started here (the first, and each Retry failed). */
  onPublish?(publish: Publish): void;
  /** The draft's workspace; the active workspace when left out. */
  workspaceId?: string;
  /**
   * The draft's unfinished publish, started here or by someone else (`Draft.activePublishId`):
   * the button then opens its progress instead of a new preview.
   */
  activePublishId?: string | null;
  /** The server has a newer version than the one previewed: the builder offers to reload it. */
  onNewerVersion?(): void;
}

/**
 * Publish: a preview of what the saved draft would change, then the publish followed to its end,
 * in a dialog. While a publish of the draft is under way the button opens its progress instead.
 */
export function PublishButton(props: PublishButtonProps) {
  const workspace = useActiveWorkspace();
  const workspaceId = props.workspaceId ?? workspace?.id;
  if (!workspaceId) return null;
  return <WorkspacePublishButton {...props} workspaceId={workspaceId} />;
}

type Opened = { step: 'preview' } | { step: 'progress'; publishId: string } | null;

function WorkspacePublishButton({
  workspaceId,
  draftId,
  version,
  disabled,
  onPublish,
  activePublishId = null,
  onNewerVersion,
}: PublishButtonProps & { workspaceId: string }) {
  const [opened, setOpened] = useState<Opened>(null);
  /** The latest publish started from here: followed even before the draft says it is under way. */
  const [startedId, setStartedId] = useState<string | null>(null);
  const followedId = activePublishId ?? startedId;

  const publishButton = (
    <Button size="small" disabled={disabled} onClick={() => setOpened({ step: 'preview' })}>
      Publish
    </Button>
  );
  return (
    <>
      {followedId ? (
        <FollowedPublishButton
          workspaceId={workspaceId}
          publishId={followedId}
          publishButton={publishButton}
          onOpen={() => setOpened({ step: 'progress', publishId: followedId })}
        />
      ) : (
        publishButton
      )}
      {opened && (
        <PublishDialog
          workspaceId={workspaceId}
          draftId={draftId}
          version={version}
          publishId={opened.step === 'progress' ? opened.publishId : undefined}
          onClose={() => setOpened(null)}
          onStarted={(publish) => {
            setStartedId(publish.id);
            onPublish?.(publish);
          }}
          onNewerVersion={
            onNewerVersion &&
            (() => {
              setOpened(null);
              onNewerVersion();
            })
          }
        />
      )}
    </>
  );
}

interface FollowedPublishButtonProps {
  workspaceId: string;
  publishId: string;
  publishButton: ReactNode;
  onOpen(): void;
}

/** "View publish" while the publish is unfinished; Publish again once it is over. */
function FollowedPublishButton({
  workspaceId,
  publishId,
  publishButton,
  onOpen,
}: FollowedPublishButtonProps) {
  const publish = usePublish(workspaceId, publishId);
  const state = publish.data?.state;
  if (state && isPublishFinished(state)) return publishButton;
  const moving = state === undefined || state === 'queued' || state === 'running';
  return (
    <Button size="small" variant="secondary" icon={moving ? <Spinner /> : undefined} onClick={onOpen}>
      View publish
    </Button>
  );
}
