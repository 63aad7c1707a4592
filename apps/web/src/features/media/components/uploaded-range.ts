import { addDays, isIsoDate } from '../../../lib/date-range';

/**
 * When items were uploaded, as the library filters by it. Not the reports' range picker: a
 * library needs "any time", and its "last 7 days" includes today, since a file uploaded an hour
 * ago is the one most looked for. Days are UTC days, as the server files uploads.
 */
export const uploadedPresets = ['any', 'today', 'last-7-days', 'last-30-days', 'custom'] as const;
export type UploadedPreset = (typeof uploadedPresets)[number];

export const uploadedPresetLabels: Record<UploadedPreset, string> = {
  any: 'Any time',
  today: 'Today',
  'last-7-days': 'Last 7 days',
  'last-30-days': 'Last 30 days',
  custom: 'Custom',
};

export interface UploadedChoice {
  uploaded: UploadedPreset;
  /** A custom range's days; either end may be open. */
  from: string | null;
  to: string | null;
}

/** Reads the choice from a URL: `uploaded=<preset>`, or `from` and/or `to`. Anything malformed is any time. */
export function uploadedChoiceIn(params: URLSearchParams): UploadedChoice {
  const day = (name: string) => {
    const value = params.get(name);
    return value !== null && isIsoDate(value) ? value : null;
  };
  const from = day('from');
  const to = day('to');
  const preset = uploadedPresets.find((candidate) => candidate === params.get('uploaded'));
  const hasDays = from !== null || to !== null;
  if (preset === 'custom' || (preset === undefined && hasDays)) return { uploaded: 'custom', from, to };
  return { uploaded: preset ?? 'any', from: null, to: null };
}

export function writeUploadedChoice(params: URLSearchParams, choice: UploadedChoice): void {
  if (choice.uploaded === 'any') return;
  if (choice.uploaded !== 'custom') {
    params.set('uploaded', choice.uploaded);
    return;
  }
  params.set('uploaded', 'custom');
  if (choice.from !== null) params.set('from', choice.from);
  if (choice.to !== null) params.set('to', choice.to);
}

/** Today in UTC, the calendar the library's dates are in. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export type UploadedDays = { from?: string; to?: string; problem: null } | { problem: string };

/** The days to ask the library for, or why the choice is not a range. */
export function uploadedDays(choice: UploadedChoice, today: string): UploadedDays {
  switch (choice.uploaded) {
    case 'any':
      return { problem: null };
    case 'today':
      return { from: today, problem: null };
    case 'last-7-days':
      return { from: addDays(today, -6), problem: null };
    case 'last-30-days':
      return { from: addDays(today, -29), problem: null };
    case 'custom':
      if (choice.from !== null && choice.to !== null && choice.from > choice.to) {
        return { problem: 'The range ends before it starts. Choose a later last day.' };
      }
      return { from: choice.from ?? undefined, to: choice.to ?? undefined, problem: null };
  }
}
