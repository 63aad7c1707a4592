import type { DraftDocument } from '@whathead/contracts';

/**
 * What a tree operation did: the new document, what to select afterwards and, when the user
 * should know something more, a note; or why it refused (the document is then left as it was).
 * Notes and refusals are sentences for the user.
 */
export type EditOutcome =
  { ok: true; document: DraftDocument; selection: string[]; note?: string } | { ok: false; message: string };

export const refuse = (message: string): EditOutcome => ({ ok: false, message });
