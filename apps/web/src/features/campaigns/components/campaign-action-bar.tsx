import type { CampaignLevel, CampaignRow } from '@whathead/contracts';
import { Fragment, useId, useState, type ReactNode } from 'react';
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

const operations: readonly CampaignOperation[] = ['ENABLE', 'DISABLE', 'DELETE'];

const icons: Record<CampaignOperation, ReactNode> = {
  ENABLE: <PowerIcon />,
  DISABLE: <PauseIcon />,
  DELETE: <TrashIcon />,
};

/**
 * Turn on, Turn off and Delete for the selected rows. Rows Whathead can't change (deleted, or of
 * an account that no longer syncs) are left out, and a line under the bar says so; with none
 * left, or every row already on (or off), a button stays focusable but does nothing, and says why.
 */
export function CampaignActionBar({ level, rows, selectedCount, actions }: CampaignActionBarProps) {
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const noteId = useId();
  const reasonId = useId();
  const nouns = levelNouns[level];
  const changeable = rows.filter((row) => whyUnchangeable(row) === null);
  const note = leftOutNote(rows, selectedCount, nouns);
  const pending = actions.pendingOperation;
  const isInert = changeable.length === 0 || pending !== null;

  const button = (operation: CampaignOperation) => {
    const reason = isInert ? null : whyNothingToDo(operation, changeable, nouns);
    const reasonElementId = `${reasonId}-${operation}`;
    const describedBy = [reason && reasonElementId, note && noteId].filter(Boolean).join(' ');
    return (
      <Fragment key={operation}>
        <Button
          variant={operation === 'DELETE' ? 'danger' : 'secondary'}
          size="small"
          icon={icons[operation]}
          isLoading={pending === operation}
          aria-disabled={isInert || reason !== null || undefined}
          aria-describedby={describedBy || undefined}
          title={reason ?? undefined}
          onClick={() =>
            operation === 'DELETE' ? setIsConfirmingDelete(true) : actions.changeStatus(operation, changeable)
          }
        >
          {operationWords[operation].action}
        </Button>
        {reason && (
          <span id={reasonElementId} className="visually-hidden">
            {reason}
          </span>
        )}
      </Fragment>
    );
  };

  return (
    <>
      <span className="campaign-actions" role="group" aria-label={`Actions on the selected ${nouns.many}`}>
        {operations.map(button)}
      </span>
      {/* Its own line under the selection's, so the links beside the buttons stay in place. */}
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
    </>
  );
}

/** Why Turn on (or Turn off) would change nothing: every row is on (or off) already. */
function whyNothingToDo(
  operation: CampaignOperation,
  rows: readonly CampaignRow[],
  nouns: { one: string; many: string },
): string | null {
  if (operation === 'DELETE' || !rows.every((row) => row.operationStatus === operation)) return null;
  const state = operation === 'ENABLE' ? 'on' : 'off';
  return rows.length === 1
    ? `The selected ${nouns.one} is already ${state}.`
    : `All ${rows.length.toLocaleString()} selected ${nouns.many} are already ${state}.`;
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
