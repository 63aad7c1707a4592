import type { MediaFileCheck, MediaItem, MediaKind, MediaUpload } from '@whathead/contracts';

/**
 * How the creative library's facts read, shared by the Media page, the upload flow and the
 * picker. Sizes are binary (1 MB = 1024 × 1024 bytes), as TikTok's caps of 10 MB and 500 MB are.
 */
const megabyte = 1024 * 1024;
const gigabyte = 1024 * megabyte;
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export const kindLabels: Record<MediaKind, string> = { image: 'Image', video: 'Video' };

/** "12.4 MB", "2.0 GB"; a file under a tenth of a megabyte in KB, where "0.0 MB" would say nothing. */
export function formatBytes(bytes: number): string {
  if (bytes >= gigabyte) return `${oneDecimal.format(bytes / gigabyte)} GB`;
  if (bytes >= megabyte / 10) return `${oneDecimal.format(bytes / megabyte)} MB`;
  return `${wholeNumber.format(Math.ceil(bytes / 1024))} KB`;
}

/** "0:15", "12:03", "1:02:03": how video players write a length. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** "1 file", "4 files". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${wholeNumber.format(count)} ${count === 1 ? one : many}`;
}

/** An item's name: its file name, or TikTok's id when TikTok kept no name. */
export function mediaName(item: Pick<MediaItem, 'fileName' | 'mediaId'>): string {
  return item.fileName ?? item.mediaId;
}

/** "1080 × 1920", or null when TikTok gave no size. */
export function formatSize(item: Pick<MediaItem, 'width' | 'height'>): string | null {
  return item.width !== null && item.height !== null ? `${item.width} × ${item.height}` : null;
}

/** One of TikTok's ratios, "Other" for a shape it does not take for video, null when the size is unknown. */
export function ratioLabel(item: Pick<MediaItem, 'ratio' | 'width' | 'height'>): string | null {
  if (item.ratio !== null) return item.ratio;
  return formatSize(item) === null ? null : 'Other';
}

/** What a check read of a file: "1080×1920 (9:16) · 12.4 MB · 0:15". */
export function checkFacts(check: MediaFileCheck): string {
  return [
    check.dimensions,
    formatBytes(check.bytes),
    check.durationSeconds === null ? null : formatDuration(check.durationSeconds),
  ]
    .filter((fact) => fact !== null)
    .join(' · ');
}

/** Where one file stands in one ad account, in words: "Uploading 45 % · 5.6 MB of 12.4 MB", "Failed — …". */
export function uploadStateWords(upload: MediaUpload): string {
  switch (upload.state) {
    case 'queued':
      return 'Queued';
    case 'uploading': {
      const percent = upload.bytes > 0 ? Math.floor((upload.bytesSent / upload.bytes) * 100) : 0;
      return `Uploading ${percent} % · ${formatBytes(upload.bytesSent)} of ${formatBytes(upload.bytes)}`;
    }
    case 'processing':
      return 'Processing at TikTok';
    case 'ready':
      return upload.reused ? 'Already in this account (reused)' : 'Ready';
    case 'failed':
      return upload.error ? `Failed — ${upload.error.message}` : 'Failed';
  }
}
