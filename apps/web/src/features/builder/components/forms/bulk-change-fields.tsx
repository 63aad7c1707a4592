import { callsToAction } from '@whathead/contracts';
import { SelectField } from '../../../../components/ui/select-field';
import { TextField } from '../../../../components/ui/text-field';
import type { BulkField } from '../../model/bulk-edit';
import { BulkIdentity, BulkLocations } from './bulk-catalog-fields';
import { adTextLimit, type BulkDraft } from './bulk-change-input';
import type { CatalogAccount } from './catalog-problem';
import { callToActionLabels, statusOptions } from './form-words';

interface BulkChangeFieldsProps {
  field: BulkField;
  draft: BulkDraft;
  onDraft: (draft: BulkDraft) => void;
  error: string | undefined;
  disabled: boolean;
  /** The one ad account of every node, for the lists TikTok keeps per account; null when they differ. */
  catalog: CatalogAccount;
}

/** The value of the one change a bulk edit makes, as the chosen kind of change takes it. */
export function BulkChangeFields({ field, draft, onDraft, error, disabled, catalog }: BulkChangeFieldsProps) {
  const change = <Key extends keyof BulkDraft>(key: Key, value: BulkDraft[Key]) =>
    onDraft({ ...draft, [key]: value });
  switch (field) {
    case 'budget':
      return (
        <div className="builder-form__bulk-row">
          <SelectField
            label="How"
            value={draft.budgetHow}
            disabled={disabled}
            onChange={(event) => change('budgetHow', event.target.value as BulkDraft['budgetHow'])}
          >
            <option value="set">Set each budget to</option>
            <option value="increase">Increase each budget by %</option>
            <option value="decrease">Decrease each budget by %</option>
          </SelectField>
          <TextField
            label={draft.budgetHow === 'set' ? 'Budget' : 'Percentage'}
            name="bulkBudget"
            inputMode="decimal"
            autoComplete="off"
            hint={draft.budgetHow === 'set' ? 'In each ad account’s own currency.' : 'Rounded to the cent.'}
            value={draft.budgetText}
            error={error}
            disabled={disabled}
            onChange={(event) => change('budgetText', event.target.value)}
          />
        </div>
      );
    case 'status':
      return (
        <fieldset className="builder-form__group" disabled={disabled}>
          <legend className="field__label">Status</legend>
          <div className="builder-form__choices">
            {statusOptions.map((option) => (
              <label key={option.value} className="choice">
                <input
                  type="radio"
                  name="bulkStatus"
                  checked={draft.status === option.value}
                  onChange={() => change('status', option.value)}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      );
    case 'scheduleEnd':
      return (
        <TextField
          label="End (UTC)"
          name="bulkScheduleEnd"
          type="datetime-local"
          hint="Each ad group runs until then, from its own start."
          value={draft.scheduleEnd}
          error={error}
          disabled={disabled}
          onChange={(event) => change('scheduleEnd', event.target.value)}
        />
      );
    case 'locations':
      return (
        <BulkLocations draft={draft} onDraft={onDraft} error={error} disabled={disabled} catalog={catalog} />
      );
    case 'callToAction':
      return (
        <SelectField
          label="Call to action"
          value={draft.callToAction}
          disabled={disabled}
          onChange={(event) => change('callToAction', event.target.value as BulkDraft['callToAction'])}
        >
          {callsToAction.map((value) => (
            <option key={value} value={value}>
              {callToActionLabels[value]}
            </option>
          ))}
        </SelectField>
      );
    case 'landingPageUrl':
      return (
        <TextField
          label="Landing page URL"
          name="bulkLandingPageUrl"
          type="url"
          placeholder="https://"
          value={draft.landingPageUrl}
          error={error}
          disabled={disabled}
          onChange={(event) => change('landingPageUrl', event.target.value)}
        />
      );
    case 'adText':
      return (
        <TextField
          label="Ad text"
          name="bulkAdText"
          hint={`${[...draft.adText].length}/${adTextLimit}`}
          value={draft.adText}
          error={error}
          disabled={disabled}
          onChange={(event) => change('adText', event.target.value)}
        />
      );
    case 'identity':
      return (
        <BulkIdentity draft={draft} onDraft={onDraft} error={error} disabled={disabled} catalog={catalog} />
      );
  }
}
