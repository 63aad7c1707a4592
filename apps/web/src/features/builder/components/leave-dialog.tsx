import type { Blocker } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';

/** Asked on leaving the builder with changes not saved yet; once they are, the move goes ahead by itself. */
export function LeaveDialog({ blocker, retrying }: { blocker: Blocker; retrying: boolean }) {
  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog
      title="Leave without saving?"
      description={
        retrying
          ? 'Your latest changes aren’t saved: Whathead can’t reach the server and keeps trying. If you leave now, they are lost.'
          : 'Your latest changes are being saved, and you leave as soon as they are. Leave now and they are lost.'
      }
      onClose={() => blocker.reset()}
    >
      <div className="button-row button-row--end">
        <Button variant="secondary" onClick={() => blocker.proceed()}>
          Leave without saving
        </Button>
        <Button onClick={() => blocker.reset()}>Stay on this page</Button>
      </div>
    </Dialog>
  );
}
