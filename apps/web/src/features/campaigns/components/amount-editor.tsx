import type { CampaignRow } from '@whathead/contracts';
import { useId, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { AnchoredLayer } from '../../../components/ui/anchored-layer';
import { Button } from '../../../components/ui/button';
import { AlertIcon } from '../../../components/ui/icons';
import { useNow } from '../../../lib/use-now';
import { readAmount } from './amount-input';
import { budgetMinimumSentence } from './campaign-action-rules';
import type { AmountField } from './campaign-actions-context';
import { budgetModeLabels, inWords } from './campaign-words';
import { currencySymbol } from '../../../lib/format-money';

interface AmountEditorProps {
  row: CampaignRow;
  field: AmountField;
  onSave: (amount: number) => void;
  /** Closes the editor; `returnFocus` when focus should go back to the pencil, not stay where it went. */
  onCancel: (returnFocus: boolean) => void;
}

/**
 * A budget or bid edited where it shows: the input takes the cell's place, and TikTok's minimum,
 * or what is wrong with the amount, floats under it with Save and Cancel. Enter saves, Escape
 * cancels, from the input or the buttons; nothing is sent while the amount is one TikTok would
 * refuse. Leaving it (a click elsewhere, Tab) closes it while the amount is unchanged; an amount
 * typed is never thrown away unasked: the editor stays, focused, and asks for Enter or Escape.
 */
export function AmountEditor({ row, field, onSave, onCancel }: AmountEditorProps) {
  const [text, setText] = useState(row[field] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [isAsking, setIsAsking] = useState(false);
  const [box, setBox] = useState<HTMLSpanElement | null>(null);
  const [panel, setPanel] = useState<HTMLDivElement | null>(null);
  const messageId = useId();
  const symbol = currencySymbol(row.currency);
  // A lifetime budget's minimum depends on the days left to run.
  const now = useNow(60_000);
  const hint =
    field === 'budget'
      ? budgetMinimumSentence(row, now).sentence
      : 'Cost cap: the average cost per result TikTok aims for.';

  const input = () => box?.querySelector('input') ?? null;
  const isUnchanged = () => {
    if (text.trim() === (row[field] ?? '')) return true;
    const read = readAmount(text, row, field, Date.now());
    return 'amount' in read && row[field] !== null && Number(row[field]) === read.amount;
  };
  const save = () => {
    const read = readAmount(text, row, field, Date.now());
    if ('error' in read) {
      setError(read.error);
      input()?.focus();
    } else if (row[field] !== null && Number(row[field]) === read.amount) onCancel(true);
    else onSave(read.amount);
  };
  /** Focus or a click went elsewhere: closes the editor, or, with an amount typed, stays to ask. */
  const leave = () => {
    const stays = !isUnchanged();
    if (stays) setIsAsking(true);
    else onCancel(false);
    return stays;
  };
  const leaveOnPointer = () => {
    // Back to the input once the click is done, unless it went to something that takes focus.
    if (leave())
      window.setTimeout(() => {
        if (document.activeElement === document.body) input()?.focus();
      });
  };
  // Focus gone somewhere outside both the input and the panel (drawn at the page's end).
  const leaveOnBlur = (event: FocusEvent) => {
    const to = event.relatedTarget;
    if (to instanceof Node && !box?.contains(to) && !panel?.contains(to)) leave();
  };
  // The panel is drawn at the page's end, so Tab is led through it, in the cell's place: input,
  // Save, Cancel, then on from the input to what follows the cell (or back to the input to ask).
  const keysInPanel = (event: KeyboardEvent) => {
    const buttons = panel?.querySelectorAll('button');
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel(true);
    } else if (event.key === 'Tab' && event.shiftKey && event.target === buttons?.[0]) {
      event.preventDefault();
      input()?.focus();
    } else if (event.key === 'Tab' && !event.shiftKey && event.target === buttons?.[buttons.length - 1]) {
      if (!isUnchanged()) {
        event.preventDefault();
        setIsAsking(true);
      }
      input()?.focus();
    }
  };
  const keysInInput = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel(true);
    } else if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault();
      panel?.querySelector('button')?.focus();
    } else if (event.key === 'Tab' && !isUnchanged()) {
      event.preventDefault();
      setIsAsking(true);
    }
  };

  let message = (
    <p id={messageId} className="field__hint">
      {hint}
    </p>
  );
  if (error)
    message = (
      <p id={messageId} className="field__error" role="alert">
        <AlertIcon />
        {error}
      </p>
    );
  else if (isAsking)
    message = (
      <p id={messageId} className="field__hint amount-editor__unsaved" role="alert">
        Press Enter to save or Escape to discard.
      </p>
    );

  return (
    <>
      <span ref={setBox} className="amount-editor" onBlur={leaveOnBlur}>
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
            setIsAsking(false);
          }}
          onKeyDown={keysInInput}
        />
      </span>
      <AnchoredLayer
        anchor={box}
        className="amount-editor__panel"
        onShown={setPanel}
        onOutsidePointerDown={leaveOnPointer}
        onBlur={leaveOnBlur}
        onKeyDown={keysInPanel}
      >
        {message}
        <div className="amount-editor__actions">
          <Button size="small" onClick={save}>
            Save
          </Button>
          <Button size="small" variant="secondary" onClick={() => onCancel(true)}>
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
