import type { Draft } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatRelativeTime } from '../../../lib/format-relative-time';
import { useSession } from '../../../lib/session';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

interface DraftConflictDialogProps {
  theirs: Draft;
  /** Their version is a publish's: TikTok's ids written back, not a person's edits. */
  published?: boolean;
  onReload(): void;
  onKeepMine(): void;
  /** Decide later: nothing is saved until then (the header offers the choice again). */
  onClose(): void;
}

/**
 * Someone saved this draft after this tab last did, so this tab's changes weren't saved: whose
 * version it is and when, and the choice between theirs (this tab's changes are dropped) and
 * mine (saved over theirs). Closed, the choice waits: nothing is saved until it is made.
 */
export function DraftConflictDialog({
  theirs,
  published = false,
  onReload,
  onKeepMine,
  onClose,
}: DraftConflictDialogProps) {
  const { user } = useSession();
  const when = `${timeFormat.format(new Date(theirs.updatedAt))} (${formatRelativeTime(theirs.updatedAt)})`;
  if (published) {
    return (
      <Dialog
        title="This draft was published"
        description={`A publish wrote TikTok’s ids into it at ${when}, so your latest changes here weren’t saved.`}
        onClose={onClose}
      >
        <div className="stack">
          <p>
            Reload the published version to continue from it: your changes since your last save are dropped.
            Or keep yours: they are saved over it, and TikTok’s ids are kept in them, so nothing is created
            twice.
          </p>
          <div className="button-row button-row--end">
            <Button variant="secondary" onClick={onKeepMine}>
              Keep mine
            </Button>
            <Button onClick={onReload}>Reload the published version</Button>
          </div>
        </div>
      </Dialog>
    );
  }
  const yours = theirs.updatedBy !== null && theirs.updatedBy.id === user?.id;
  const who = yours
    ? 'You saved a newer version in another tab or window'
    : `${theirs.updatedBy?.name ?? 'Someone'} saved a newer version`;
  return (
    <Dialog
      title={yours ? 'This draft was saved in another tab' : 'Someone else saved this draft'}
      description={`${who} at ${when}, so your latest changes here weren’t saved.`}
      onClose={onClose}
    >
      <div className="stack">
        <p>
          {yours
            ? 'Reload the other tab’s version to continue from it: the changes in this tab since its last save are dropped. Or keep this tab’s: it is saved over the other, whose changes are lost.'
            : 'Reload their version to continue from it: your changes since your last save are dropped. Or keep yours: it is saved over theirs, and their changes are lost.'}
        </p>
        <div className="button-row button-row--end">
          <Button variant="secondary" onClick={onKeepMine}>
            {yours ? 'Keep this tab’s' : 'Keep mine'}
          </Button>
          <Button onClick={onReload}>{yours ? 'Reload the other tab’s' : 'Reload their version'}</Button>
        </div>
      </div>
    </Dialog>
  );
}
