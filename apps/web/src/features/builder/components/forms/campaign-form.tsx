import {
  builderObjectives,
  campaignSettingsSchema,
  objectiveLabels,
  unsupportedObjectives,
  type CampaignNode,
  type DraftIssue,
} from '@whathead/contracts';
import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { fieldDescription, FieldMessages } from '../../../../components/ui/field-messages';
import { campaignBudgetModeLabels, statusOptions, withCurrency } from './form-words';
import { NodeFormFrame } from './node-form-frame';
import type { BuilderAccount } from './node-form';
import { CheckboxSetting, RadiosSetting } from './choice-settings';
import { AmountSetting, SelectSetting, TextSetting } from './setting-controls';
import { useSettingsForm } from './use-settings-form';

interface CampaignFormProps {
  node: CampaignNode;
  accounts: readonly BuilderAccount[];
  issues: readonly DraftIssue[];
  readOnly: boolean;
  onChange: (next: CampaignNode) => void;
}

const objectiveOptions = builderObjectives.map((objective) => ({
  value: objective,
  label: unsupportedObjectives[objective]
    ? `${objectiveLabels[objective]} (not supported yet)`
    : objectiveLabels[objective],
}));

const budgetModeOptions = Object.entries(campaignBudgetModeLabels).map(([value, label]) => ({
  value: value as CampaignNode['settings']['budgetMode'],
  label,
}));

export function CampaignForm({ node, accounts, issues, readOnly, onChange }: CampaignFormProps) {
  const form = useSettingsForm(node, campaignSettingsSchema, onChange);
  const budgetMode = useWatch({ control: form.control, name: 'budgetMode' });
  const currency = accounts.find((account) => account.advertiserId === node.advertiserId)?.currency ?? null;
  return (
    <NodeFormFrame title="Campaign" form={form} state={{ node, issues, readOnly }}>
      <AccountSetting
        node={node}
        accounts={accounts}
        issues={issues}
        readOnly={readOnly}
        onChange={onChange}
      />
      <TextSetting name="name" label="Campaign name" />
      <SelectSetting
        name="objective"
        label="Objective"
        options={objectiveOptions}
        emptyLabel="Choose an objective"
      />
      <SelectSetting name="budgetMode" label="Budget" options={budgetModeOptions} />
      {budgetMode !== 'BUDGET_MODE_INFINITE' && (
        <AmountSetting
          name="budget"
          label={withCurrency(
            budgetMode === 'BUDGET_MODE_DAY' ? 'Daily budget' : 'Lifetime budget',
            currency,
          )}
          hint={currency ? `In the ad account’s currency, ${currency}.` : undefined}
        />
      )}
      <CheckboxSetting
        name="budgetOptimization"
        label="Campaign budget optimisation"
        hint="TikTok spreads the campaign’s budget over its ad groups, which then have no budget of their own."
      />
      <RadiosSetting name="status" legend="Status" options={statusOptions} />
    </NodeFormFrame>
  );
}

/**
 * The ad account the campaign and everything under it is published to. It sits on the node, not
 * in the settings, and TikTok never moves a campaign: once published, it is only shown.
 */
function AccountSetting({ node, accounts, issues, readOnly, onChange }: CampaignFormProps) {
  const controlId = useId();
  const error = issues.find((issue) => issue.field === 'advertiserId' && issue.severity === 'error')?.message;
  const current = accounts.find((account) => account.advertiserId === node.advertiserId);
  if (node.tiktokId !== null) {
    return (
      <p className="builder-form__fact">
        <span className="field__label">Ad account</span> {current?.name ?? node.advertiserId}
      </p>
    );
  }
  return (
    <div className="field">
      <label htmlFor={controlId} className="field__label">
        Ad account
      </label>
      <span className="select">
        <select
          id={controlId}
          className="field__control select__control"
          value={current ? node.advertiserId : ''}
          disabled={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={fieldDescription({ controlId, error })}
          onChange={(event) => {
            if (event.target.value !== '') onChange({ ...node, advertiserId: event.target.value });
          }}
        >
          {!current && <option value="">Choose an ad account</option>}
          {accounts.map((account) => (
            <option key={account.advertiserId} value={account.advertiserId}>
              {account.currency ? `${account.name} (${account.currency})` : account.name}
            </option>
          ))}
        </select>
      </span>
      <FieldMessages controlId={controlId} error={error} />
    </div>
  );
}
