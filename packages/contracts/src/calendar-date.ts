import { z } from 'zod';

/** The first day a report or range may ask for. */
export const earliestDate = '1970-01-01';

/** A calendar day as "YYYY-MM-DD" (an ad account's own day in reports, never an instant). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'A date is written YYYY-MM-DD.', abort: true })
  .refine(
    (date) => {
      const parsed = new Date(`${date}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
    },
    { message: 'Not a date in the calendar.', abort: true },
  )
  // No ad account has days before 1970 (nor has PostgreSQL a year 0).
  .refine((date) => date >= earliestDate, { message: 'Choose a date from 1970 on.' });

/** Days from `from` to `to`, both counted. */
export const daysInRange = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
