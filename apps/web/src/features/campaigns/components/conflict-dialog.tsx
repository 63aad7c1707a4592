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
 * Someone changed these in TikTok Ads Manager since Whathead last synced, so nothing was sent:
 * each row's values as Whathead had them and as TikTok has them now, and the user's choice.
 * Closing the dialog keeps TikTok's, as the table now shows them.
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
      description="Someone changed this in TikTok Ads Manager after Whathead’s last sync, so nothing was sent. Compare, then choose."
      onClose={onKeep}
    >
      <div className="stack">
        {pairs.map(({ before, now }) => (
          <table key={`${before.advertiserId}:${before.id}`} className="table conflict-table">
            {pairs.length > 1 && <caption>{now.name}</caption>}
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Field</span>
                </th>
                <th scope="col">In Whathead (last sync)</th>
                <th scope="col">In TikTok now</th>
              </tr>
            </thead>
            <tbody>
              {differences(before, now).map((difference) => (
                <tr key={difference.label}>
                  <th scope="row">{difference.label}</th>
                  <td>{difference.before}</td>
                  <td>{difference.now}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
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
