import { defaultSettings, type EmulatorSettings } from './settings.js';

/**
 * The readings each choice setting offers. A value outside them would silently act as one of
 * them (whichever the code tests last), so a test meaning to run one reading could run another.
 */
const settingChoices = {
  tokenMode: ['long_term', 'refreshable'],
  tokenIssuance: ['per_grant', 'per_user'],
  staleAuthCodeCode: [40101, 40110],
  businessCenterStep: ['none', 'pick'],
  cancelRedirect: ['oauth_error', 'state_only', 'none'],
  duplicateRequestIdMode: ['reject', 'return_original'],
  reportStatusFilterField: ['any_status', 'level_status'],
  reportParentIdMetrics: ['returned', 'rejected'],
  businessCenterVisibility: ['authorized', 'all'],
  advertiserAdCreationEligible: ['absent', 'enum', 'boolean'],
  rateWindows: ['calendar', 'sliding'],
} satisfies { [Key in keyof EmulatorSettings]?: readonly EmulatorSettings[Key][] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isRateLimit = (value: unknown) =>
  isRecord(value) && isCount(value.perSecond) && isCount(value.perMinute) && isCount(value.perDay);

/** What is wrong with a setting's new value, in words; undefined when it is one the setting takes. */
export function settingProblem(name: string, value: unknown): string | undefined {
  if (!(name in defaultSettings)) return `Unknown setting ${name}`;
  const key = name as keyof EmulatorSettings;
  const choices: readonly unknown[] | undefined = (settingChoices as Record<string, readonly unknown[]>)[key];
  if (choices)
    return choices.includes(value)
      ? undefined
      : `Setting ${key} takes one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}`;
  const current = defaultSettings[key];
  if (typeof current === 'number')
    return isCount(value) ? undefined : `Setting ${key} takes a number of 0 or more`;
  if (key === 'appRateLimit')
    return isRateLimit(value) ? undefined : `Setting ${key} takes { perSecond, perMinute, perDay }`;
  if (key === 'endpointRateLimits')
    return isRecord(value) && Object.values(value).every(isRateLimit)
      ? undefined
      : `Setting ${key} takes an API path → { perSecond, perMinute, perDay } map`;
  if (key === 'currencyRates')
    return isRecord(value) && Object.values(value).every((rate) => isCount(rate) && (rate as number) > 0)
      ? undefined
      : `Setting ${key} takes a currency → units per US dollar map`;
  return undefined;
}
