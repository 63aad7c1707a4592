import { formatMoney } from '../../../../lib/format-money';
import {
  ageGroupLabels,
  callToActionLabels,
  genderLabels,
  languageLabels,
  statusLabels,
} from '../forms/form-words';

/** What an empty setting reads as: nothing set, or the setting taken away. */
export const noValue = '—';

const allWeek = 'All day, every day';

/** A list of more than this many names reads as the first few and a count. */
const namesShown = 3;

/**
 * A setting's value as the preview shows it in "Budget: 500.00 → 750.00": amounts in the account's
 * currency, TikTok's enum values in the forms' words, lists as names (or a count when long), and
 * nothing as "—". Only the fields a publish can update (contracts' `editableFields`) need words of
 * their own; anything else falls back to its plain text.
 */
export function formatChangeValue(field: string, value: unknown, currency: string | null): string {
  // No dayparting is TikTok's whole week, not a missing setting.
  if (field === 'dayparting' && value === null) return allWeek;
  if (value === null || value === undefined || value === '') return noValue;
  switch (field) {
    case 'budget':
    case 'bid':
      return typeof value === 'number' ? formatMoney(value.toFixed(2), currency) : String(value);
    case 'status':
      return statusLabels[value as keyof typeof statusLabels] ?? String(value);
    case 'gender':
      return genderLabels[value as keyof typeof genderLabels] ?? String(value);
    case 'callToAction':
      return callToActionLabels[value as keyof typeof callToActionLabels] ?? String(value);
    case 'locations':
      return listText(namesOf(value), 'location', 'locations', 'No locations');
    case 'ageGroups':
      return listText(
        wordsOf(value, (age) => ageGroupLabels[age as keyof typeof ageGroupLabels] ?? age),
        'age group',
        'age groups',
        'All ages',
      );
    case 'languages':
      return listText(
        wordsOf(value, (code) => languageLabels[code] ?? code),
        'language',
        'languages',
        'All languages',
      );
    case 'audienceIds':
    case 'excludedAudienceIds': {
      // The preview knows the ids only (the names are the account's, read by the form).
      const count = Array.isArray(value) ? value.length : 0;
      return count === 0 ? 'None' : count === 1 ? '1 audience' : `${count.toLocaleString()} audiences`;
    }
    case 'scheduleStart':
    case 'scheduleEnd':
      return `${String(value)} UTC`;
    case 'dayparting':
      return daypartingText(String(value));
    case 'identity':
      return textOf(value, 'displayName');
    case 'creative':
      return textOf(value, 'fileName');
  }
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (Array.isArray(value)) return listText(value.map(String), 'item', 'items', noValue);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function namesOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry: unknown) =>
    entry && typeof entry === 'object' && 'name' in entry ? String(entry.name) : String(entry),
  );
}

function wordsOf(value: unknown, word: (entry: string) => string): string[] {
  return Array.isArray(value) ? value.map((entry) => word(String(entry))) : [];
}

/** "United States, Canada", or "United States, Canada, Mexico and 4 more" (7 locations). */
function listText(names: string[], one: string, many: string, none: string): string {
  if (names.length === 0) return none;
  if (names.length <= namesShown) return names.join(', ');
  const rest = names.length - namesShown;
  return `${names.slice(0, namesShown).join(', ')} and ${rest} more (${names.length} ${names.length === 1 ? one : many})`;
}

/** TikTok's 336 half-hours of the week: how many hours of it the ad group runs. */
function daypartingText(halfHours: string): string {
  const on = [...halfHours].filter((slot) => slot === '1').length;
  if (on === halfHours.length) return allWeek;
  const hours = on / 2;
  return `${hours.toLocaleString()} ${hours === 1 ? 'hour' : 'hours'} a week`;
}

function textOf(value: unknown, key: string): string {
  if (value && typeof value === 'object' && key in value) {
    const text = (value as Record<string, unknown>)[key];
    if (typeof text === 'string' && text !== '') return text;
  }
  return noValue;
}
