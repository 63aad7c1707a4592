import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { PlusIcon } from '../../../components/ui/icons';
import { CreateWorkspaceForm } from './create-workspace-form';

/** The "Create workspace" action of the top bar and the dialog it opens. */
export function CreateWorkspaceDialog() {
  const [isOpen, setIsOpen] = useState(false);
  const close = () => setIsOpen(false);

  return (
    <>
      <Button
        variant="secondary"
        size="small"
        icon={<PlusIcon size={16} />}
        aria-haspopup="dialog"
        title="Create workspace"
        onClick={() => setIsOpen(true)}
      >
        <span className="create-workspace__text">Create workspace</span>
      </Button>
      {isOpen && (
        <Dialog
          title="Create a workspace"
          description="Each workspace has its own TikTok connections, campaigns and team. You’ll switch to it right away."
          onClose={close}
        >
          <CreateWorkspaceForm onCreated={close} onCancel={close} />
        </Dialog>
      )}
    </>
  );
}
