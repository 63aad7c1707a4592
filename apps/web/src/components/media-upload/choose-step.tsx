import { useEffect, useRef, useState } from 'react';
import { countOf } from '../../lib/media-words';
import type { ChecklistAccount } from '../ui/account-checklist';
import { Button } from '../ui/button';
import { StatusMessage } from '../ui/status-message';
import { FileCheckList } from './file-check-list';
import { FileDropZone } from './file-drop-zone';
import { UploadAccountsField } from './upload-accounts-field';
import type { UploadPlan } from './upload-plan';
import type { useFileChecks } from './use-file-checks';

interface ChooseStepProps {
  accounts: readonly ChecklistAccount[];
  ticked: ReadonlySet<string>;
  onTick: (ticked: ReadonlySet<string>) => void;
  files: ReturnType<typeof useFileChecks>;
  plan: UploadPlan;
  /** Whether Continue takes focus as the step appears (on coming back to it). */
  focusContinue: boolean;
  onContinue: () => void;
  onCancel: () => void;
}

/** Files and target accounts, each file checked as soon as it is chosen. */
export function ChooseStep({
  accounts,
  ticked,
  onTick,
  files,
  plan,
  focusContinue,
  onContinue,
  onCancel,
}: ChooseStepProps) {
  const [hasTriedToContinue, setHasTriedToContinue] = useState(false);
  const continueRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusContinue) continueRef.current?.focus();
  }, [focusContinue]);
  const blocker = continueBlocker(plan, files.entries.length, ticked.size);
  const only = accounts.length === 1 ? accounts[0] : undefined;
  return (
    <div className="upload-flow__step">
      {only ? (
        <p className="upload-flow__target">
          Uploads go to <strong>{only.name}</strong>.
        </p>
      ) : (
        <UploadAccountsField
          accounts={accounts}
          ticked={ticked}
          onChange={onTick}
          error={hasTriedToContinue && ticked.size === 0 ? 'Tick at least one ad account.' : undefined}
        />
      )}
      <FileDropZone onFiles={files.add} />
      <FileCheckList entries={files.entries} plan={plan} onRemove={files.remove} onRetry={files.retry} />
      <StatusMessage tone="neutral">{checkedWords(plan, files.entries.length)}</StatusMessage>
      <div className="form__actions">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          ref={continueRef}
          onClick={() => {
            setHasTriedToContinue(true);
            if (blocker === null) onContinue();
          }}
        >
          Continue
        </Button>
      </div>
      {/* Said when Continue is pressed too early, rather than a dimmed button that explains nothing. */}
      {hasTriedToContinue && blocker && (
        <p className="field__error" role="alert">
          {blocker}
        </p>
      )}
    </div>
  );
}

const mostFiles = 500;
const mostAccounts = 50;

/** What stands between the person and the confirm step, in words, or null. */
function continueBlocker(plan: UploadPlan, chosen: number, accounts: number): string | null {
  if (chosen === 0) return 'Choose or drop the files to upload.';
  if (plan.checking > 0) return `Wait until every file is checked: ${countOf(plan.checking, 'file')} to go.`;
  if (plan.files.length === 0) return 'None of these files can go to TikTok. Choose others.';
  if (accounts === 0) return 'Tick at least one ad account.';
  // The batch contract's limits (createMediaBatchInputSchema), said before the server refuses them.
  if (plan.files.length > mostFiles) return `Upload at most ${mostFiles} files at once. Remove some.`;
  if (accounts > mostAccounts) return `Upload to at most ${mostAccounts} ad accounts at once.`;
  return null;
}

/** Said once every check is in: how many files can go, and how many cannot. */
function checkedWords(plan: UploadPlan, chosen: number): string {
  if (chosen === 0 || plan.checking > 0) return '';
  const accepted = `${countOf(plan.files.length, 'file')} can be uploaded`;
  return plan.refused > 0
    ? `Files checked: ${accepted}; ${countOf(plan.refused, 'file')} refused.`
    : `Files checked: ${accepted}.`;
}
