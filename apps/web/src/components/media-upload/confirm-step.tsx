import type { CreateMediaBatchInput } from '@whathead/contracts';
import { messageForError } from '../../lib/error-messages';
import { useCreateMediaBatch } from '../../lib/media-upload-actions';
import type { ChecklistAccount } from '../ui/account-checklist';
import { Button } from '../ui/button';
import { FormAlert } from '../ui/form-alert';
import { StepHeading } from './step-heading';
import { matrixWords, type UploadPlan } from './upload-plan';

interface ConfirmStepProps {
  workspaceId: string;
  plan: UploadPlan;
  /** The ticked accounts, in the order the list shows them. */
  accounts: readonly ChecklistAccount[];
  onBack: () => void;
  onStarted: (batchId: string) => void;
}

/** The file × account matrix, said in full before anything goes to TikTok. */
export function ConfirmStep({ workspaceId, plan, accounts, onBack, onStarted }: ConfirmStepProps) {
  const create = useCreateMediaBatch(workspaceId);
  const input: CreateMediaBatchInput = {
    files: plan.files,
    advertiserIds: accounts.map((account) => account.advertiserId),
  };
  return (
    <div className="upload-flow__step">
      <StepHeading>{matrixWords(plan, accounts.length)}</StepHeading>
      <div className="upload-matrix">
        <section aria-label="Files">
          <h4 className="upload-matrix__title">Files</h4>
          <ul className="upload-matrix__list">
            {plan.files.map((file) => (
              <li key={file.sha256}>{file.fileName}</li>
            ))}
          </ul>
        </section>
        <section aria-label="Ad accounts">
          <h4 className="upload-matrix__title">Ad accounts</h4>
          <ul className="upload-matrix__list">
            {accounts.map((account) => (
              <li key={account.advertiserId}>{account.name}</li>
            ))}
          </ul>
        </section>
      </div>
      <p className="form__note">A file an ad account already has is not uploaded again: it is reused.</p>
      <FormAlert>{create.isError ? messageForError(create.error) : undefined}</FormAlert>
      <div className="form__actions">
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button
          isLoading={create.isPending}
          onClick={() => create.mutate(input, { onSuccess: (batch) => onStarted(batch.batchId) })}
        >
          Confirm
        </Button>
      </div>
    </div>
  );
}
