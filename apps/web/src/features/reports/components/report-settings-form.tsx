import { reportSettingsSchema, type ReportSettings } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { TextField } from '../../../components/ui/text-field';
import type { InputSchema } from '../../../lib/form-errors';
import { useValidatedForm } from '../../../lib/use-validated-form';
import { useSaveReportSettings } from '../api/save-report-settings';
import {
  boundsSentence,
  hourlyRetentionBounds,
  hourlyRetentionExplanation,
  hourlyRetentionLabel,
  restatementBounds,
  restatementExplanation,
  restatementLabel,
} from '../lib/report-settings-words';

/** Each setting's field: both count whole days, within bounds the contract also checks. */
const fields = [
  {
    name: 'restatementDays',
    label: restatementLabel,
    bounds: restatementBounds,
    explanation: restatementExplanation,
  },
  {
    name: 'hourlyRetentionDays',
    label: hourlyRetentionLabel,
    bounds: hourlyRetentionBounds,
    explanation: hourlyRetentionExplanation,
  },
] as const;
const fieldNames = fields.map((field) => field.name);

/**
 * A form's fields are text and the contract counts days in numbers. An empty field stays missing,
 * and text that is not digits alone stays NaN, so the contract's own words say what is wrong. A
 * number field takes "1e1" and "1.0", which Number() reads as whole days: 10 days saved for
 * "1e1" is not what anyone typed.
 */
function wholeDaysIn(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  return /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
}

const settingsInputSchema: InputSchema<ReportSettings> = {
  safeParse: (input) =>
    reportSettingsSchema.safeParse(
      Object.fromEntries(
        Object.entries(input as Record<string, unknown>).map(([name, value]) => [name, wholeDaysIn(value)]),
      ),
    ),
};

interface ReportSettingsFormProps {
  workspaceId: string;
  settings: ReportSettings;
  onSaved: () => void;
  onCancel: () => void;
}

/** Owners and admins set how many recent days every sync re-reads, and how long hours are kept. */
export function ReportSettingsForm({ workspaceId, settings, onSaved, onCancel }: ReportSettingsFormProps) {
  const save = useSaveReportSettings(workspaceId, { onSaved });
  const { formRef, onSubmit, onChange, fieldErrors, formError } = useValidatedForm({
    schema: settingsInputSchema,
    mutation: save,
    fieldNames,
  });

  return (
    <form ref={formRef} className="form" noValidate onSubmit={onSubmit} onChange={onChange}>
      <FormAlert>{formError}</FormAlert>
      {fields.map((field) => (
        <TextField
          key={field.name}
          label={field.label}
          name={field.name}
          type="number"
          inputMode="numeric"
          step={1}
          {...field.bounds}
          required
          defaultValue={settings[field.name]}
          hint={`${field.explanation} ${boundsSentence(field.bounds)}`}
          error={fieldErrors[field.name]}
        />
      ))}
      <div className="form__actions">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" isLoading={save.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}
