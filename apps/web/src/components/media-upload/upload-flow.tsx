import { useState } from 'react';
import type { ChecklistAccount } from '../ui/account-checklist';
import { Button } from '../ui/button';
import { ChooseStep } from './choose-step';
import { ConfirmStep } from './confirm-step';
import { StartedBatch } from './started-batch';
import { StepHeading } from './step-heading';
import { uploadPlan } from './upload-plan';
import { useFileChecks } from './use-file-checks';
import './media-upload.css';

export interface UploadFlowProps {
  workspaceId: string;
  /** The ad accounts the files may go to; with one, it is not asked. */
  accounts: readonly ChecklistAccount[];
  /** The accounts ticked at first. */
  initialAccountIds: readonly string[];
  /** Leaves the flow; a confirmed batch goes on uploading without it. */
  onClose: () => void;
  /** The words of the button that leaves once the batch runs. */
  closeLabel?: string;
}

type Step = { name: 'choose' } | { name: 'confirm' } | { name: 'progress'; batchId: string };

/**
 * Upload, in three steps: choose files and ad accounts (each file checked on the way), confirm the
 * file × account matrix, then watch each upload. The Media page shows it in a dialog; the picker
 * inside its own, for its one account.
 */
export function UploadFlow({
  workspaceId,
  accounts,
  initialAccountIds,
  onClose,
  closeLabel = 'Done',
}: UploadFlowProps) {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  // Coming back from the confirm step, focus returns to Continue, where the person left off.
  const [cameBack, setCameBack] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(initialAccountIds));
  const files = useFileChecks(workspaceId);
  const plan = uploadPlan(files.entries);
  const chosenAccounts =
    accounts.length === 1 ? accounts : accounts.filter((account) => ticked.has(account.advertiserId));
  const accountName = (advertiserId: string) =>
    accounts.find((account) => account.advertiserId === advertiserId)?.name ?? advertiserId;

  if (step.name === 'progress') {
    return (
      <div className="upload-flow upload-flow__step">
        <StepHeading>Uploading to TikTok</StepHeading>
        <StartedBatch workspaceId={workspaceId} batchId={step.batchId} accountName={accountName} />
        <p className="form__note">
          You can close this: the uploads go on, and the Media page shows how far they got.
        </p>
        <div className="form__actions">
          <Button onClick={onClose}>{closeLabel}</Button>
        </div>
      </div>
    );
  }
  return (
    <div className="upload-flow">
      {step.name === 'choose' ? (
        <ChooseStep
          accounts={accounts}
          ticked={ticked}
          onTick={setTicked}
          files={files}
          plan={plan}
          focusContinue={cameBack}
          onContinue={() => setStep({ name: 'confirm' })}
          onCancel={onClose}
        />
      ) : (
        <ConfirmStep
          workspaceId={workspaceId}
          plan={plan}
          accounts={chosenAccounts}
          onBack={() => {
            setCameBack(true);
            setStep({ name: 'choose' });
          }}
          onStarted={(batchId) => setStep({ name: 'progress', batchId })}
        />
      )}
    </div>
  );
}
