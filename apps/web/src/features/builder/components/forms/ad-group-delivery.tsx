import {
  appPromotionTypes,
  billingEventLabels,
  bidTypeLabels,
  bidTypes,
  goalBillingEvents,
  objectiveRules,
  optimizationGoalLabels,
  optimizationGoals,
  pixelGoals,
  promotionTypeLabels,
  type AdGroupSettings,
  type BuilderObjective,
  type OptimizationGoal,
  type Pixel,
} from '@whathead/contracts';
import { useFormContext, useWatch } from 'react-hook-form';
import { useApps } from '../../api/catalog-apps';
import { usePixels } from '../../api/catalog-pixels';
import { CatalogNotGranted, CatalogProblem, type CatalogAccount } from './catalog-problem';
import { withCurrency } from './form-words';
import { SettingShell } from './setting-field';
import { AmountSetting, SelectSetting } from './setting-controls';

interface AdGroupDeliveryProps {
  objective: BuilderObjective | null;
  catalog: CatalogAccount;
  currency: string | null;
}

const bidTypeOptions = bidTypes.map((value) => ({ value, label: bidTypeLabels[value] }));

/**
 * What the ad group promotes and optimises for, as the campaign's objective allows, with what
 * the goal needs: a pixel and its event for website conversions, the app for an app. A value the
 * objective no longer allows stays chosen and shown with the rules' error, never changed unasked.
 */
export function AdGroupDelivery({ objective, catalog, currency }: AdGroupDeliveryProps) {
  const { setValue } = useFormContext<AdGroupSettings>();
  const [promotionType, goal, billingEvent, bidType] = useWatch<AdGroupSettings>({
    name: ['promotionType', 'optimizationGoal', 'billingEvent', 'bidType'],
  }) as [
    AdGroupSettings['promotionType'],
    AdGroupSettings['optimizationGoal'],
    AdGroupSettings['billingEvent'],
    AdGroupSettings['bidType'],
  ];
  const rule = objective ? objectiveRules[objective] : undefined;
  const promotionOptions = (rule?.promotionTypes ?? []).map((value) => ({
    value,
    label: promotionTypeLabels[value],
  }));
  const goalOptions = (rule?.goals ?? optimizationGoals).map((value) => ({
    value,
    label: optimizationGoalLabels[value],
  }));
  const needsPixel = goal !== null && pixelGoals.includes(goal) && promotionType === 'WEBSITE';
  const needsApp = promotionType !== null && appPromotionTypes.includes(promotionType);
  const pickGoal = (picked: OptimizationGoal | null) =>
    setValue('billingEvent', picked ? (goalBillingEvents[picked][0] ?? null) : null, {
      shouldValidate: true,
      shouldDirty: true,
    });

  return (
    <>
      {promotionOptions.length > 0 && (
        <SelectSetting name="promotionType" label="Promotion type" options={promotionOptions} />
      )}
      <SelectSetting
        name="optimizationGoal"
        label="Optimisation goal"
        hint={rule ? undefined : 'Choose the campaign’s objective to see the goals it allows.'}
        options={goalOptions}
        onPicked={pickGoal}
      />
      <SettingShell name="billingEvent" label="Billing event" hint="Set by the optimisation goal.">
        {(control) => (
          <output
            id={control.id}
            aria-describedby={control['aria-describedby']}
            className="builder-form__output"
          >
            {billingEvent ? billingEventLabels[billingEvent] : 'Chosen with the goal'}
          </output>
        )}
      </SettingShell>
      {needsPixel && <PixelSettings catalog={catalog} />}
      {needsApp && (
        <AppSetting catalog={catalog} platform={promotionType === 'APP_IOS' ? 'IOS' : 'ANDROID'} />
      )}
      <SelectSetting name="bidType" label="Bid strategy" options={bidTypeOptions} />
      {bidType === 'BID_TYPE_CUSTOM' && (
        <AmountSetting
          name="bid"
          label={withCurrency('Bid', currency)}
          hint="The most to pay per result, on average."
        />
      )}
    </>
  );
}

/** The pixel on the website and the event TikTok optimises for, which the pixel offers. */
function PixelSettings({ catalog }: { catalog: CatalogAccount }) {
  const { setValue, getValues } = useFormContext<AdGroupSettings>();
  const pixelId = useWatch<AdGroupSettings>({ name: 'pixelId' }) as string | null;
  const pixels = usePixels(catalog.workspaceId, catalog.advertiserId);
  const list: readonly Pixel[] = pixels.data?.pixels ?? [];
  const pixel = list.find((each) => each.id === pixelId);
  const keepEventOf = (picked: string | null) => {
    const events = list.find((each) => each.id === picked)?.events ?? [];
    if (!events.some((event) => event.name === getValues('optimizationEvent'))) {
      setValue('optimizationEvent', null, { shouldValidate: true, shouldDirty: true });
    }
  };
  return (
    <>
      <SelectSetting
        name="pixelId"
        label="Pixel"
        hint={catalogHint(catalog, pixels.isPending, 'pixels')}
        emptyLabel="Choose a pixel"
        options={list.map((each) => ({ value: each.id, label: `${each.name} (${each.code})` }))}
        onPicked={keepEventOf}
      />
      {pixels.isError && (
        <CatalogProblem what="pixels" error={pixels.error} onRetry={() => void pixels.refetch()} />
      )}
      {pixels.data?.granted === false && <CatalogNotGranted what="pixels" permission="Pixel Management" />}
      <SelectSetting
        name="optimizationEvent"
        label="Conversion event"
        hint={pixel ? undefined : 'Choose the pixel first: the events are the pixel’s.'}
        emptyLabel="Choose an event"
        options={(pixel?.events ?? []).map((event) => ({ value: event.name, label: event.label }))}
      />
    </>
  );
}

function AppSetting({ catalog, platform }: { catalog: CatalogAccount; platform: 'ANDROID' | 'IOS' }) {
  const apps = useApps(catalog.workspaceId, catalog.advertiserId);
  const list = (apps.data?.apps ?? []).filter((app) => app.platform === platform);
  return (
    <>
      <SelectSetting
        name="appId"
        label="App"
        hint={catalogHint(catalog, apps.isPending, 'apps')}
        emptyLabel="Choose an app"
        options={list.map((app) => ({ value: app.id, label: app.name }))}
      />
      {apps.isError && <CatalogProblem what="apps" error={apps.error} onRetry={() => void apps.refetch()} />}
      {apps.data?.granted === false && <CatalogNotGranted what="apps" permission="App Management" />}
    </>
  );
}

function catalogHint(catalog: CatalogAccount, isPending: boolean, what: string): string | undefined {
  if (catalog.advertiserId === null)
    return `Connect this ad group to a campaign to choose from its ad account’s ${what}.`;
  return isPending ? `Loading the ad account’s ${what}…` : undefined;
}
