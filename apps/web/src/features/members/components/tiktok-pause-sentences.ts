import type { TikTokLane, TikTokPause } from '@whathead/contracts';

export const laneLabels: Record<TikTokLane, string> = {
  interactive: 'Someone waiting (connecting, checks, clicks)',
  publish: 'Publishing',
  sync: 'Syncing and reports',
};

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" today, "26 Nov 2026, 01:00" on another day, in the reader's time zone. */
export function resumeTime(isoDateTime: string, now: number): string {
  const until = new Date(isoDateTime);
  const sameDay = until.toDateString() === new Date(now).toDateString();
  return (sameDay ? timeFormat : dateTimeFormat).format(until);
}

/** One pause in a sentence: what is held back, why, and when it resumes. */
export function pauseSentence(pause: TikTokPause, now: number): string {
  const resume = resumeTime(pause.until, now);
  if (pause.scope === 'app') {
    return pause.budget === 'day'
      ? `TikTok says today’s call budget is spent: calls resume at ${resume} (midnight UTC).`
      : `TikTok asked us to slow down: calls resume at ${resume}.`;
  }
  const reason = pause.budget === 'day' ? ' (its daily budget is spent)' : '';
  if (pause.scope === 'endpoint')
    return `Calls to TikTok’s ${pause.endpoint} are paused until ${resume}${reason}.`;
  const account = pause.advertiserName
    ? `${pause.advertiserName} (${pause.advertiserId})`
    : `ad account ${pause.advertiserId}`;
  return `Calls for ${account} to ${pause.endpoint} are paused until ${resume}${reason}.`;
}
