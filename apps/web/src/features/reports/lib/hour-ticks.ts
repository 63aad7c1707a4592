import { formatPointTime } from '../../../lib/date-range';

/**
 * Hours between two labels of an hourly axis: each divides a day or is whole days, so labels fall
 * on the same hours every day and always on midnight.
 */
const hourSteps = [1, 2, 3, 6, 12, 24, 48, 72] as const;
/**
 * About as many labels as fit under a chart on a laptop, each "Mar 9" or "18:00"; the longest
 * hourly range (31 days, 744 hours) gets ten, every third midnight.
 */
const mostLabels = 12;

/** The smallest step that keeps the labels of `hourCount` hours to a dozen or so. */
export function hourStepOf(hourCount: number): number {
  return hourSteps.find((step) => hourCount / step <= mostLabels) ?? hourSteps.at(-1)!;
}

/**
 * Whether an hour ("2026-03-09 18:00", in the accounts' own time zone) gets a label at this step.
 * Days are counted from a fixed one, not from the range's first, so a step of days keeps to the
 * same days as the range moves.
 */
export function isHourTick(time: string, step: number): boolean {
  const day = Date.parse(`${time.slice(0, 10)}T00:00:00Z`) / 86_400_000;
  const hour = Number(time.slice(11, 13));
  if (!Number.isFinite(day) || !Number.isFinite(hour)) return false;
  return step < 24 ? hour % step === 0 : hour === 0 && day % (step / 24) === 0;
}

/** An hour's label: its day at midnight ("Mar 9"), else just the hour ("18:00"). */
export function formatHourTick(time: string): string {
  const hour = time.slice(11, 16);
  return hour === '00:00' ? formatPointTime(time.slice(0, 10)) : hour;
}

/** Whether a point's time is an hour ("2026-03-09 18:00") rather than a day ("2026-03-09"). */
export function isHourTime(time: string): boolean {
  return time.length > 10;
}
