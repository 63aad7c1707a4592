import { adGroupBudgetModes, type AdGroupSettings } from '@whathead/contracts';
import { useController, useWatch } from 'react-hook-form';
import { DaypartingSetting } from './dayparting-setting';
import { campaignBudgetModeLabels, withCurrency } from './form-words';
import { SettingShell } from './setting-field';
import { RadiosSetting } from './choice-settings';
import { AmountSetting, SelectSetting } from './setting-controls';
import { fromDateTimeInput, toDateTimeInput } from './tiktok-time';

const budgetModeOptions = adGroupBudgetModes.map((value) => ({
  value,
  label: campaignBudgetModeLabels[value],
}));
const scheduleOptions: { value: AdGroupSettings['scheduleType']; label: string }[] = [
  { value: 'SCHEDULE_FROM_NOW', label: 'Start now, no end' },
  { value: 'SCHEDULE_START_END', label: 'Start and end dates' },
];

interface AdGroupScheduleProps {
  /** The campaign spreads its own budget over its ad groups: they have none. */
  campaignBudget: boolean;
  currency: string | null;
}

export function AdGroupSchedule({ campaignBudget, currency }: AdGroupScheduleProps) {
  const [budgetMode, scheduleType, scheduleStart] = useWatch<AdGroupSettings>({
    name: ['budgetMode', 'scheduleType', 'scheduleStart'],
  }) as [AdGroupSettings['budgetMode'], AdGroupSettings['scheduleType'], AdGroupSettings['scheduleStart']];
  const hasDates = scheduleType === 'SCHEDULE_START_END';
  return (
    <>
      {campaignBudget ? (
        <p className="builder-form__note">
          The campaign’s budget is spread over its ad groups (campaign budget optimisation), so this ad group
          has no budget of its own.
        </p>
      ) : (
        <>
          <SelectSetting name="budgetMode" label="Budget" options={budgetModeOptions} />
          <AmountSetting
            name="budget"
            label={withCurrency(
              budgetMode === 'BUDGET_MODE_TOTAL' ? 'Lifetime budget' : 'Daily budget',
              currency,
            )}
            hint={currency ? `In the ad account’s currency, ${currency}.` : undefined}
          />
        </>
      )}
      <RadiosSetting name="scheduleType" legend="Schedule" options={scheduleOptions} />
      {(hasDates || scheduleStart !== null) && (
        <TimeSetting name="scheduleStart" label="Start (UTC)" hint="Empty: as soon as it’s published." />
      )}
      {hasDates && <TimeSetting name="scheduleEnd" label="End (UTC)" />}
      <DaypartingSetting />
    </>
  );
}

/** A schedule time typed in UTC (the label says so) and held as TikTok's "YYYY-MM-DD HH:MM:SS". */
function TimeSetting({
  name,
  label,
  hint,
}: {
  name: 'scheduleStart' | 'scheduleEnd';
  label: string;
  hint?: string;
}) {
  const { field } = useController<AdGroupSettings>({ name });
  const value = typeof field.value === 'string' ? field.value : null;
  return (
    <SettingShell name={name} label={label} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="datetime-local"
          name={field.name}
          ref={field.ref}
          className="field__control"
          value={toDateTimeInput(value)}
          onChange={(event) => field.onChange(fromDateTimeInput(event.target.value))}
          onBlur={field.onBlur}
        />
      )}
    </SettingShell>
  );
}
