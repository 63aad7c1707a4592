import type { CampaignLevel, CampaignRow } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { levelNouns } from './campaign-words';
import { countOf } from './count-words';

/** What deleting takes with it, for many and for one (TikTok deletes the children's delivery too). */
const consequences: Record<CampaignLevel, { many: string; one: string }> = {
  campaign: {
    many: 'TikTok deletes them for good; their ad groups and ads stop.',
    one: 'TikTok deletes it for good; its ad groups and ads stop.',
  },
  adgroup: {
    many: 'TikTok deletes them for good; their ads stop.',
    one: 'TikTok deletes it for good; its ads stop.',
  },
  ad: { many: 'TikTok deletes them for good.', one: 'TikTok deletes it for good.' },
};

/** Names shown before "and N more": enough to recognise the selection. */
const namesShown = 5;

interface DeleteConfirmationProps {
  level: CampaignLevel;
  rows: readonly CampaignRow[];
  onConfirm: () => void;
  onClose: () => void;
}

/** Delete asks first, naming how many and what, and that it can't be undone. */
export function DeleteConfirmation({ level, rows, onConfirm, onClose }: DeleteConfirmationProps) {
  const amount = countOf(rows.length, levelNouns[level]);
  const consequence = consequences[level][rows.length === 1 ? 'one' : 'many'];
  const rest = rows.length - namesShown;
  return (
    <Dialog
      title={`Delete ${amount}?`}
      description={`${consequence} This can’t be undone, in Whathead or in TikTok Ads Manager.`}
      onClose={onClose}
    >
      <div className="stack">
        <ul className="delete-confirmation__names">
          {rows.slice(0, namesShown).map((row) => (
            <li key={`${row.advertiserId}:${row.id}`}>{row.name}</li>
          ))}
          {rest > 0 && <li>and {rest.toLocaleString()} more</li>}
        </ul>
        <div className="button-row button-row--end">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm}>
            Delete {amount}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
