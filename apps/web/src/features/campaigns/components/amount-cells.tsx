import type { CampaignRow } from '@whathead/contracts';
import { use, useEffect, useRef, useState, type ReactNode } from 'react';
import { PencilIcon } from '../../../components/ui/icons';
import { AmountEditor } from './amount-editor';
import { canEditBid, canEditBudget } from './campaign-action-rules';
import {
  CampaignActionsContext,
  type AmountField,
  type CampaignActionsContextValue,
} from './campaign-actions-context';
import { bidStrategyLabels, budgetModeLabels, inWords } from './campaign-words';
import { formatMoney } from '../../../lib/format-money';

/** Shown for a value TikTok doesn't have, so an empty cell never reads as still loading. */
const none = <span className="campaign-cell__none">—</span>;

export function BudgetCell({ row }: { row: CampaignRow }) {
  const mode = inWords(budgetModeLabels, row.budgetMode);
  const actions = use(CampaignActionsContext);
  if (row.budgetMode === 'BUDGET_MODE_INFINITE') return <span>No limit</span>;
  if (actions && canEditBudget(row))
    return <EditableAmount row={row} field="budget" below={mode} actions={actions} />;
  if (row.budget === null) return mode ? <span className="campaign-cell__sub">{mode}</span> : none;
  return <Amount amount={row.budget} currency={row.currency} below={mode} />;
}

export function BidCell({ row }: { row: CampaignRow }) {
  const strategy = inWords(bidStrategyLabels, row.bidStrategy);
  const actions = use(CampaignActionsContext);
  if (actions && canEditBid(row))
    return <EditableAmount row={row} field="bid" below={strategy} actions={actions} />;
  // A strategy without a price of its own (maximum delivery) has TikTok's 0 for a bid: not a price.
  if (row.bid === null || (Number(row.bid) === 0 && row.bidStrategy !== 'BID_TYPE_CUSTOM'))
    return strategy ? <span>{strategy}</span> : none;
  return <Amount amount={row.bid} currency={row.currency} below={strategy} />;
}

function Amount({ amount, currency, below }: { amount: string; currency: string | null; below: ReactNode }) {
  return (
    <span className="campaign-cell">
      <span
        className="campaign-cell__amount"
        title={currency ? undefined : 'TikTok didn’t say the currency.'}
      >
        {formatMoney(amount, currency)}
      </span>
      {below && <span className="campaign-cell__sub">{below}</span>}
    </span>
  );
}

interface EditableAmountProps {
  row: CampaignRow;
  field: AmountField;
  below: string | null;
  actions: CampaignActionsContextValue;
}

const fieldWords: Record<AmountField, string> = { budget: 'budget', bid: 'bid' };

/**
 * An amount with a pencil that edits it in place. Under it, what became of the last save: saving,
 * or why it wasn't saved; otherwise the budget mode or bid strategy.
 */
function EditableAmount({ row, field, below, actions }: EditableAmountProps) {
  const [isEditing, setIsEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const returnFocus = useRef(true);
  useEffect(() => {
    // Back from the editor, focus returns to the pencil that opened it, unless the user moved it on.
    if (wasEditing.current && !isEditing && returnFocus.current) editButton.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);
  const edit = () => {
    // The last save's "Not saved" was about an amount the user is now typing again.
    actions.clearProblem(row, field);
    setIsEditing(true);
  };

  if (isEditing)
    return (
      <AmountEditor
        row={row}
        field={field}
        onCancel={(toPencil) => {
          returnFocus.current = toPencil;
          setIsEditing(false);
        }}
        onSave={(amount) => {
          returnFocus.current = true;
          setIsEditing(false);
          actions.saveAmount(row, field, amount);
        }}
      />
    );

  const problem = actions.problemOf(row, field);
  const amount = row[field];
  let note: ReactNode = below;
  if (problem)
    note = (
      <span className="campaign-cell__problem" title={problem}>
        Not saved: {problem}
      </span>
    );
  else if (actions.isSaving(row, field)) note = 'Saving…';
  return (
    <span className="campaign-cell">
      <span className="campaign-cell__title">
        {/* A click on the amount edits it too; keyboards use the pencil, its button. */}
        <span className="campaign-cell__amount campaign-cell__amount--editable" onClick={edit}>
          {amount === null ? none : formatMoney(amount, row.currency)}
        </span>
        <button
          ref={editButton}
          type="button"
          className="icon-button campaign-cell__edit"
          aria-label={`Edit the ${fieldWords[field]} of ${row.name}`}
          title={`Edit ${fieldWords[field]}`}
          onClick={edit}
        >
          <PencilIcon size={14} />
        </button>
      </span>
      {note && <span className="campaign-cell__sub">{note}</span>}
    </span>
  );
}
