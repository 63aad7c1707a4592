import type { MediaItem } from '@whathead/contracts';
import {
  countOf,
  formatBytes,
  formatDuration,
  formatSize,
  kindLabels,
  ratioLabel,
} from '../../../lib/media-words';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What a fact reads when TikTok did not give it. */
export const unknown = '—';

/** An item's facts in words, as the list's cells and the preview's details show them. */
export function mediaFacts(item: MediaItem) {
  return {
    type: kindLabels[item.kind],
    size: formatSize(item) ?? unknown,
    ratio: ratioLabel(item) ?? unknown,
    bytes: item.bytes === null ? unknown : formatBytes(item.bytes),
    duration: item.durationSeconds === null ? unknown : formatDuration(item.durationSeconds),
    format: item.format?.toUpperCase() ?? unknown,
    uploaded: item.createdAt === null ? unknown : dateFormat.format(new Date(item.createdAt)),
    uploadedExactly: item.createdAt === null ? undefined : dateTimeFormat.format(new Date(item.createdAt)),
    // Null while the campaign mirror does not record which creatives its ads use.
    usedBy: item.usedByAds === null ? unknown : countOf(item.usedByAds, 'ad'),
  };
}
