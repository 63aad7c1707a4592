/**
 * Days TikTok may still revise (its restatement window: conversions arrive late). A total of
 * several ad accounts is provisional from the earliest of their first provisional days, since one
 * revised account changes the sum.
 */
export function provisionalStart(
  provisionalFrom: Readonly<Record<string, string>>,
  advertiserIds: readonly string[],
): string | null {
  const days = advertiserIds.map((id) => provisionalFrom[id]).filter((day) => day !== undefined);
  return days.length === 0 ? null : days.reduce((earliest, day) => (day < earliest ? day : earliest));
}

/** Whether a chart point ("YYYY-MM-DD" or "YYYY-MM-DD HH:00") falls on a provisional day. */
export function isProvisional(time: string, start: string | null): boolean {
  return start !== null && time.slice(0, 10) >= start;
}

export const provisionalExplanation = 'TikTok may still revise conversions for these days.';
