import { nodeTitle, type DraftTree } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { countOfLevel } from '../model/level-words';
import { withDescendants } from '../model/tree-edits';

/** Names shown before "and N more". */
const namesShown = 5;

interface DeleteNodesDialogProps {
  tree: DraftTree;
  keys: readonly string[];
  onConfirm(): void;
  onClose(): void;
}

/**
 * Delete asks first, naming what goes with it. Deleting here only changes the draft: what TikTok
 * has stays at TikTok, which the dialog says whenever something it deletes is published.
 */
export function DeleteNodesDialog({ tree, keys, onConfirm, onClose }: DeleteNodesDialogProps) {
  const removed = withDescendants(tree, keys);
  const roots = keys.flatMap((key) => tree.byKey.get(key) ?? []);
  const counts = (['campaign', 'adgroup', 'ad'] as const)
    .map((level) => ({ level, amount: removed.filter((node) => node.level === level).length }))
    .filter(({ amount }) => amount > 0)
    .map(({ level, amount }) => countOfLevel(amount, level));
  const what =
    counts.length > 1 ? `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}` : (counts[0] ?? '');
  const atTikTok = removed.filter((node) => node.tiktokId).length;
  const description =
    atTikTok === 0
      ? 'They are removed from this draft. Undo brings them back.'
      : `${inTikTok(atTikTok, removed.length)} in TikTok: deleting here only removes ${atTikTok === 1 ? 'it' : 'them'} from this draft, and nothing changes in TikTok. To delete in TikTok, use the Campaigns table.`;
  return (
    <Dialog title={`Delete ${what} from the draft?`} description={description} onClose={onClose}>
      <div className="stack">
        <ul className="builder-delete__names">
          {roots.slice(0, namesShown).map((node) => (
            <li key={node.key}>{nodeTitle(node)}</li>
          ))}
          {roots.length > namesShown && <li>and {(roots.length - namesShown).toLocaleString()} more</li>}
        </ul>
        <div className="button-row button-row--end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm}>
            Delete from the draft
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

/** "It is", "All of them are", "2 of them are": how many of what is deleted TikTok has. */
function inTikTok(atTikTok: number, removed: number): string {
  if (removed === 1) return 'It is';
  if (atTikTok === removed) return 'All of them are';
  return `${atTikTok} of them ${atTikTok === 1 ? 'is' : 'are'}`;
}
