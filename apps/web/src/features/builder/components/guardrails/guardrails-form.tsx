import type { Guardrails } from '@whathead/contracts';
import { Button } from '../../../../components/ui/button';
import { FormAlert } from '../../../../components/ui/form-alert';
import { StatusMessage } from '../../../../components/ui/status-message';
import { TextField } from '../../../../components/ui/text-field';
import { useValidatedForm } from '../../../../lib/use-validated-form';
import { useSaveGuardrails } from '../../api/publish-guardrails-save';
import { guardrailsFormInput, limitText } from './guardrails-form-input';

const fieldNames = ['maxAdGroupDailyBudget', 'maxBudgetIncreasePercent'] as const;

/** Owners and admins set the two limits; a blank field is no limit. */
export function GuardrailsForm({ workspaceId, saved }: { workspaceId: string; saved: Guardrails }) {
  const save = useSaveGuardrails(workspaceId);
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: guardrailsFormInput,
    mutation: save,
    fieldNames,
  });
  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
      <FormAlert>{formError}</FormAlert>
      <StatusMessage>{save.isSuccess && !save.isPending ? 'Publishing limits saved.' : null}</StatusMessage>
      <TextField
        label="Most an ad group may spend a day"
        name="maxAdGroupDailyBudget"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={limitText(saved.maxAdGroupDailyBudget)}
        hint="In each ad account’s own currency. Leave blank for no limit."
        error={fieldErrors.maxAdGroupDailyBudget}
      />
      <TextField
        label="Most a publish may raise a budget (%)"
        name="maxBudgetIncreasePercent"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={limitText(saved.maxBudgetIncreasePercent)}
        hint="Compared with the budget TikTok has now. Leave blank for no limit."
        error={fieldErrors.maxBudgetIncreasePercent}
      />
      <div className="form__actions form__actions--start">
        <Button type="submit" isLoading={save.isPending}>
          Save limits
        </Button>
      </div>
    </form>
  );
}
