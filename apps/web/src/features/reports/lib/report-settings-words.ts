import { reportSettingsSchema } from '@whathead/contracts';

// What the two report settings mean, said the same way in the form and to those who can only read
// them. The bounds are read off the contract's schema, so the words never disagree with the server.

const { restatementDays, hourlyRetentionDays } = reportSettingsSchema.shape;

export const restatementBounds = { min: restatementDays.minValue!, max: restatementDays.maxValue! };
export const hourlyRetentionBounds = {
  min: hourlyRetentionDays.minValue!,
  max: hourlyRetentionDays.maxValue!,
};

export const restatementLabel = 'Days to re-read on every sync';
export const hourlyRetentionLabel = 'Days to keep hourly figures';

export const restatementExplanation =
  'TikTok revises conversions for recent days: those days are re-read on every sync and marked provisional.';
export const hourlyRetentionExplanation =
  'Hourly charts reach back this far; older hours are deleted, and daily figures are not affected.';

/** "From 1 to 28 days." */
export function boundsSentence({ min, max }: { min: number; max: number }): string {
  return `From ${min} to ${max} days.`;
}
