import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import type { Conflict } from '../hooks/use-campaign-actions';
import { operationWords } from './campaign-action-rules';
import { levelNouns } from './campaign-words';
import { describeEdit, differences } from './conflict-fields';
import { countOf } from './count-words';

interface ConflictDialogProps {
  conflict: Conflict;
  onApply: () => void;
  onKeep: () => void;
}

/**
 * These changed at TikTok since the user loaded them (in Ads Manager, or from another Whathead
 * tab or user), so nothing was sent: each row's values as the table showed them and as TikTok has
 * them now, and the user's choice. Closing the dialog keeps TikTok's, as the table now shows them.
 */
export function ConflictDialog({ conflict, onApply, onKeep }: ConflictDialogProps) {
  const pairs = conflict.kind === 'status' ? conflict.rows : [{ before: conflict.before, now: conflict.now }];
  const first = pairs[0]!.before;
  const yourChange =
    conflict.kind === 'status'
      ? operationWords[conflict.operation].action
      : describeEdit(conflict.change, first.currency);
  const title =
    pairs.length === 1
      ? `${first.name} changed in TikTok`
      : `${countOf(pairs.length, levelNouns[first.level])} changed in TikTok`;
  return (
    <Dialog
      title={title}
      description="Changed in TikTok since you loaded it (in Ads Manager, or by someone else in Whathead), so nothing was sent. Compare, then choose."
      onClose={onKeep}
    >
      <div className="stack">
        {pairs.map(({ before, now }) => {
          const shown = differences(before, now);
          const key = `${before.advertiserId}:${before.id}`;
          // Only TikTok's modify time moved: nothing here to compare.
          if (shown.length === 0)
            return (
              <p key={key} className="conflict-table__change">
                {pairs.length > 1 && <strong>{now.name}: </strong>}
                Changed in TikTok, though not in anything shown here.
              </p>
            );
          return (
            <table key={key} className="table conflict-table">
              {pairs.length > 1 && <caption>{now.name}</caption>}
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Field</span>
                  </th>
                  <th scope="col">When you loaded it</th>
                  <th scope="col">In TikTok now</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((difference) => (
                  <tr key={difference.label}>
                    <th scope="row">{difference.label}</th>
                    <td>{difference.before}</td>
                    <td>{difference.now}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
        <p className="conflict-table__change">
          Your change: <strong>{yourChange}</strong>
        </p>
        <div className="button-row button-row--end">
          <Button variant="secondary" onClick={onKeep}>
            Keep TikTok’s
          </Button>
          <Button onClick={onApply}>Apply my change anyway</Button>
        </div>
      </div>
    </Dialog>
  );
}
