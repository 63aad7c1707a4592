import {
  fieldLabel,
  type PlanItem,
  type Publish,
  type PublishAction,
  type PublishItem,
  type PublishState,
} from '@whathead/contracts';

/** The words of the publish flow, in one place so the preview, the progress and the list agree. */

type Counts = Record<PublishAction, number>;

export const actionLabels: Record<PublishAction, string> = {
  create: 'Create',
  update: 'Update',
  skip: 'Skip',
};

/** "3 to create · 1 to update · 4 unchanged", leaving out what is none. */
export function countsLine(counts: Counts): string {
  const parts = [
    counts.create > 0 && `${counts.create.toLocaleString()} to create`,
    counts.update > 0 && `${counts.update.toLocaleString()} to update`,
    counts.skip > 0 && `${counts.skip.toLocaleString()} unchanged`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'Nothing in this draft yet';
}

/** How many items a publish sends to TikTok: what it creates and what it updates. */
export const changesOf = (counts: Counts) => counts.create + counts.update;

/** "Publish 4 changes", "Publish 1 change"; plain "Publish" when there is none to send. */
export function publishLabel(changes: number): string {
  if (changes === 0) return 'Publish';
  return `Publish ${changes.toLocaleString()} ${changes === 1 ? 'change' : 'changes'}`;
}

export const publishStateLabels: Record<PublishState, string> = {
  awaiting_approval: 'Waiting for approval',
  queued: 'Queued',
  running: 'Publishing…',
  blocked: 'Blocked: reconnect needed',
  succeeded: 'Published',
  failed: 'Failed',
  rejected: 'Rejected',
};

export const publishStateTones: Record<PublishState, 'neutral' | 'accent' | 'success' | 'warning'> = {
  awaiting_approval: 'warning',
  queued: 'accent',
  running: 'accent',
  blocked: 'warning',
  succeeded: 'success',
  failed: 'warning',
  rejected: 'neutral',
};

/** An item that will not reach TikTok this time: refused, or held back by its refused parent. */
export const isItemFailure = (item: PublishItem) => item.state === 'failed' || item.state === 'waiting';

/** The items a publish sends, and how many of them are over (sent, refused or held back). */
export function progressOf(publish: Publish): { done: number; total: number } {
  const sent = publish.items.filter((item) => item.action !== 'skip');
  const done = sent.filter((item) => item.state !== 'pending' && item.state !== 'sending').length;
  return { done, total: sent.length };
}

/** "Published: 3 created, 1 updated", or "2 of 8 failed". */
export function outcomeLine(publish: Publish): string {
  const sent = publish.items.filter((item) => item.action !== 'skip');
  const failed = sent.filter(isItemFailure).length;
  if (failed > 0) return `${failed.toLocaleString()} of ${sent.length.toLocaleString()} failed`;
  return `Published: ${doneLine(publish)}`;
}

/** "3 created, 1 updated", or "nothing to change". */
export function doneLine(publish: Publish): string {
  const confirmed = (action: PublishAction) =>
    publish.items.filter((item) => item.action === action && item.state === 'confirmed').length;
  const parts = [
    confirmed('create') > 0 && `${confirmed('create').toLocaleString()} created`,
    confirmed('update') > 0 && `${confirmed('update').toLocaleString()} updated`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing to change';
}

/**
 * Where one item stands: "Waiting", "Sending…", "Created (TikTok ID 1800…)", "Updated",
 * "Unchanged", or TikTok's refusal in words.
 */
export function itemStateText(item: PublishItem): string {
  switch (item.state) {
    case 'pending':
      return 'Waiting';
    case 'sending':
      return 'Sending…';
    case 'confirmed':
      if (item.action === 'create') return item.tiktokId ? `Created (TikTok ID ${item.tiktokId})` : 'Created';
      return 'Updated';
    case 'skipped':
      return 'Unchanged';
    case 'failed':
      return `Failed: ${item.error ?? 'TikTok refused it.'}`;
    case 'waiting':
      // The server's words already say why: "Not sent: its campaign “…” was not published."
      return item.error ?? 'Not sent: what it belongs to was not published.';
  }
}

/** The form field TikTok's refusal concerns, in the forms' words ("Budget"), when it names one. */
export function failedFieldLabel(item: PublishItem | PlanItem): string | null {
  return 'errorField' in item && item.errorField ? fieldLabel(item.level, item.errorField) : null;
}
