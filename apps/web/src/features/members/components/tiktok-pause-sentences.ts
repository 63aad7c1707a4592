import type { TikTokLane, TikTokPause } from '@whathead/contracts';
import { formatResumeTime } from '../../../lib/format-resume-time';

export const laneLabels: Record<TikTokLane, string> = {
  interactive: 'Things your team did (connecting, checks, clicks)',
  publish: 'Publishing to TikTok',
  sync: 'Syncing campaigns and reports',
};

/** TikTok endpoints a pause can name, as what Whathead was doing; a TikTok path means nothing to a reader. */
const endpointActivities: Record<string, string> = {
  '/ad/create/': 'creating ads',
  '/report/task/create/': 'creating report tasks',
  '/campaign/get/': 'reading campaigns',
  '/adgroup/get/': 'reading ad groups',
  '/ad/get/': 'reading ads',
  '/report/integrated/get/': 'reading reports',
  '/file/image/ad/upload/': 'uploading images',
  '/file/video/ad/upload/': 'uploading videos',
};

function activityOf(endpoint: string | null): string {
  return (endpoint !== null && endpointActivities[endpoint]) || 'some TikTok requests';
}

/**
 * One pause in plain words: what waits, until when, and that nothing is lost. Nothing needs doing:
 * calls held back go out by themselves when the pause ends.
 */
export function pauseSentence(pause: TikTokPause, now: number): string {
  const until = formatResumeTime(pause.until, now);
  if (pause.scope === 'app') {
    return pause.budget === 'day'
      ? `TikTok ended today’s allowance for Whathead early, before Whathead reached its daily limit. Calls are paused until ${until}. Nothing is lost: background work waits and continues then.`
      : `TikTok asked Whathead to slow down. Calls wait until ${until}, then go out; nothing is lost.`;
  }
  const activity = activityOf(pause.endpoint);
  const account =
    pause.scope === 'ad_account'
      ? ` in ${pause.advertiserName ? `${pause.advertiserName} (${pause.advertiserId})` : `ad account ${pause.advertiserId}`}`
      : '';
  const held =
    pause.budget === 'day'
      ? `TikTok’s daily allowance for ${activity}${account} is used up.`
      : `TikTok asked Whathead to slow down on ${activity}${account}.`;
  return `${held} Those calls wait until ${until}, then go out; nothing is lost.`;
}
