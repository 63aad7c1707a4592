import { createWorkspaceInputSchema } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { TextField } from '../../../components/ui/text-field';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useCreateWorkspace } from '../api/create-workspace';

const fieldNames = ['name'] as const;

interface CreateWorkspaceFormProps {
  onCreated?: () => void;
  onCancel?: () => void;
}

export function CreateWorkspaceForm({ onCreated, onCancel }: CreateWorkspaceFormProps) {
  const createWorkspace = useCreateWorkspace({ onCreated });
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: createWorkspaceInputSchema,
    mutation: createWorkspace,
    fieldNames,
  });

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label="Workspace name"
        name="name"
        autoComplete="organization"
        required
        autoFocus
        hint="For example your agency, a client or a brand."
        error={fieldErrors.name}
      />
      <div className="form__actions">
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" isLoading={createWorkspace.isPending}>
          Create workspace
        </Button>
      </div>
    </form>
  );
}
