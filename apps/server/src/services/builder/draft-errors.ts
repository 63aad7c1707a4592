import type { DraftConflict } from '@whathead/contracts';
import { AppError } from '../../errors.js';
import type { Actor } from '../workspace.service.js';

/**
 * Someone saved the draft after the caller opened it: who, and when, so the caller knows whose
 * work a reload brings in. `details.conflict` is the newer version (draftConflictSchema).
 */
export function draftConflict(conflict: DraftConflict, actor: Actor, now: Date): AppError {
  const when = timeAgo(Date.parse(conflict.updatedAt), now.getTime());
  const message =
    conflict.updatedBy?.id === actor.userId
      ? `You saved this draft ${when} in another tab or window, after this one opened it. Reload to see those changes.`
      : `${conflict.updatedBy?.name.trim() || 'Someone'} saved this draft ${when}, after you opened it. Reload to see their changes.`;
  return new AppError('draft_conflict', message, { details: { conflict } });
}

export const draftPublishing = (): AppError =>
  new AppError(
    'draft_publishing',
    'This draft is being published; it can be edited again when the publish finishes.',
  );

/** "just now", "a minute ago", "5 minutes ago", "3 hours ago", "2 days ago". */
export function timeAgo(then: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return minutes === 1 ? 'a minute ago' : `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? 'an hour ago' : `${hours} hours ago`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'a day ago' : `${days} days ago`;
}
