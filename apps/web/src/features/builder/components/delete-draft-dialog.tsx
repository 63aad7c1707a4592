import type { DraftSummary } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { FormAlert } from '../../../components/ui/form-alert';
import { messageForError } from '../../../lib/error-messages';
import { useDeleteDraft } from '../api/delete-draft';

interface DeleteDraftDialogProps {
  workspaceId: string;
  draft: DraftSummary;
  onClose(): void;
}

/** Deleting a draft asks first: the work in it goes, what it published stays in TikTok. */
export function DeleteDraftDialog({ workspaceId, draft, onClose }: DeleteDraftDialogProps) {
  const remove = useDeleteDraft(workspaceId);
  return (
    <Dialog
      title={`Delete “${draft.name}”?`}
      description="The draft and everything not yet published in it are deleted for good. What it already published stays in TikTok."
      onClose={onClose}
    >
      <div className="stack">
        <FormAlert>{remove.isError ? messageForError(remove.error) : null}</FormAlert>
        <div className="button-row button-row--end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="danger"
            isLoading={remove.isPending}
            onClick={() => remove.mutate(draft.id, { onSuccess: onClose })}
          >
            Delete draft
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
