import type { CampaignLevel, CampaignRow } from '@whathead/contracts';
import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { PauseIcon, PowerIcon, TrashIcon } from '../../../components/ui/icons';
import type { CampaignOperation } from '../api/change-campaign-status';
import type { CampaignActions } from '../hooks/use-campaign-actions';
import { operationWords, whyUnchangeable } from './campaign-action-rules';
import { levelNouns } from './campaign-words';
import { countOf } from './count-words';
import { DeleteConfirmation } from './delete-confirmation';

interface CampaignActionBarProps {
  level: CampaignLevel;
  /** The selected rows that are loaded; a selection from the URL may name rows this view lacks. */
  rows: readonly CampaignRow[];
  selectedCount: number;
  actions: CampaignActions;
}

const icons: Record<CampaignOperation, ReactNode> = {
  ENABLE: <PowerIcon />,
  DISABLE: <PauseIcon />,
  DELETE: <TrashIcon />,
};

/**
 * Turn on, Turn off and Delete for the selected rows. Rows Whathead can't change (deleted, or of
 * an account that no longer syncs) are left out, and the bar says so; with none left, the
 * buttons stay focusable but do nothing, and say why.
 */
export function CampaignActionBar({ level, rows, selectedCount, actions }: CampaignActionBarProps) {
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const noteId = useId();
  const nouns = levelNouns[level];
  const changeable = rows.filter((row) => whyUnchangeable(row) === null);
  const note = leftOutNote(rows, selectedCount, nouns);
  const pending = actions.pendingOperation;
  const isInert = changeable.length === 0 || pending !== null;

  const button = (operation: CampaignOperation) => (
    <Button
      variant={operation === 'DELETE' ? 'danger' : 'secondary'}
      size="small"
      icon={icons[operation]}
      isLoading={pending === operation}
      aria-disabled={isInert || undefined}
      aria-describedby={note ? noteId : undefined}
      onClick={() =>
        operation === 'DELETE' ? setIsConfirmingDelete(true) : actions.changeStatus(operation, changeable)
      }
    >
      {operationWords[operation].action}
    </Button>
  );

  return (
    <span className="campaign-actions" role="group" aria-label={`Actions on the selected ${nouns.many}`}>
      {button('ENABLE')}
      {button('DISABLE')}
      {button('DELETE')}
      {note && (
        <span id={noteId} className="campaign-actions__note">
          {note}
        </span>
      )}
      {isConfirmingDelete && (
        <DeleteConfirmation
          level={level}
          rows={changeable}
          onClose={() => setIsConfirmingDelete(false)}
          onConfirm={() => {
            setIsConfirmingDelete(false);
            actions.changeStatus('DELETE', changeable);
          }}
        />
      )}
    </span>
  );
}

function leftOutNote(
  rows: readonly CampaignRow[],
  selectedCount: number,
  nouns: { one: string; many: string },
): string | null {
  const deleted = rows.filter((row) => !row.readOnly && whyUnchangeable(row) !== null).length;
  const notSyncing = rows.filter((row) => row.readOnly).length;
  const notLoaded = selectedCount - rows.length;
  const parts = [];
  if (deleted > 0)
    parts.push(
      `${countOf(deleted, { one: `deleted ${nouns.one}`, many: `deleted ${nouns.many}` })}, which TikTok can’t change any more`,
    );
  if (notSyncing > 0) parts.push(`${countOf(notSyncing, nouns)} of ad accounts that no longer sync`);
  if (notLoaded > 0) parts.push(`${countOf(notLoaded, nouns)} not loaded in this view`);
  return parts.length > 0 ? `Left out: ${parts.join('; ')}.` : null;
}
