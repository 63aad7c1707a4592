import type { CampaignRow } from '@whathead/contracts';
import { useId, useState } from 'react';
import { AnchoredLayer } from '../../../components/ui/anchored-layer';
import { Button } from '../../../components/ui/button';
import { AlertIcon } from '../../../components/ui/icons';
import { useNow } from '../../../lib/use-now';
import { readAmount } from './amount-input';
import { budgetMinimumSentence } from './campaign-action-rules';
import type { AmountField } from './campaign-actions-context';
import { budgetModeLabels, inWords } from './campaign-words';
import { currencySymbol } from './format-money';

interface AmountEditorProps {
  row: CampaignRow;
  field: AmountField;
  onSave: (amount: number) => void;
  onCancel: () => void;
}

/**
 * A budget or bid edited where it shows: the input takes the cell's place, and TikTok's minimum,
 * or what is wrong with the amount, floats under it with Save and Cancel. Enter saves, Escape
 * cancels; nothing is sent while the amount is one TikTok would refuse.
 */
export function AmountEditor({ row, field, onSave, onCancel }: AmountEditorProps) {
  const [text, setText] = useState(row[field] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [box, setBox] = useState<HTMLSpanElement | null>(null);
  const messageId = useId();
  const symbol = currencySymbol(row.currency);
  // A lifetime budget's minimum depends on the days left to run.
  const now = useNow(60_000);
  const hint =
    field === 'budget'
      ? budgetMinimumSentence(row, now).sentence
      : 'Cost cap: the average cost per result TikTok aims for.';

  const save = () => {
    const read = readAmount(text, row, field, Date.now());
    if ('error' in read) {
      setError(read.error);
      box?.querySelector('input')?.focus();
    } else if (row[field] !== null && Number(row[field]) === read.amount) onCancel();
    else onSave(read.amount);
  };

  return (
    <>
      <span ref={setBox} className="amount-editor">
        {symbol && (
          <span className="amount-editor__currency" aria-hidden="true">
            {symbol}
          </span>
        )}
        <input
          // The editor opens because the user asked to type in it.
          autoFocus
          className="amount-editor__input"
          inputMode="decimal"
          autoComplete="off"
          aria-label={`${inputLabel(row, field)} of ${row.name}${row.currency ? `, in ${row.currency}` : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={messageId}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              save();
            } else if (event.key === 'Escape') {
              event.preventDefault();
              onCancel();
            }
          }}
        />
      </span>
      <AnchoredLayer anchor={box} className="amount-editor__panel" onOutsidePointerDown={onCancel}>
        {error ? (
          <p id={messageId} className="field__error" role="alert">
            <AlertIcon />
            {error}
          </p>
        ) : (
          <p id={messageId} className="field__hint">
            {hint}
          </p>
        )}
        <div className="amount-editor__actions">
          <Button size="small" onClick={save}>
            Save
          </Button>
          <Button size="small" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
        <p className="amount-editor__keys" aria-hidden="true">
          Enter saves, Escape cancels.
        </p>
      </AnchoredLayer>
    </>
  );
}

function inputLabel(row: CampaignRow, field: AmountField): string {
  if (field === 'bid') return 'Bid';
  const mode = inWords(budgetModeLabels, row.budgetMode);
  return mode ? `${mode.split(' ')[0]} budget` : 'Budget';
}
