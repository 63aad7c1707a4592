import type { Database } from '@whathead/db';

/** Where a change to a publish is announced to every process on the database. */
const channel = 'whathead_publish_changed';
/** A publish of a hundred ads changes a hundred times in seconds: pages need ten readings a second at most. */
const coalesceMilliseconds = 100;

/**
 * Announces that a publish (or one of its items) changed, so that a page following it reads it
 * again at once, whichever process ran the change and whichever serves the page. A hint: a page
 * also reads now and then, for an announcement missed while its process's listener was down.
 */
export class PublishChanges {
  readonly #database: Database;
  readonly #pending = new Set<string>();

  constructor(database: Database) {
    this.#database = database;
  }

  /** Announces `publishId` within 100 ms; changes meanwhile ride on the same announcement. */
  announce(publishId: string): void {
    if (this.#pending.has(publishId)) return;
    this.#pending.add(publishId);
    setTimeout(() => {
      this.#pending.delete(publishId);
      this.#database.notify(channel, publishId).catch(() => undefined);
    }, coalesceMilliseconds).unref();
  }

  /** Calls `onChange` after each announcement of `publishId`; resolves to a stop. */
  follow(publishId: string, onChange: () => void): Promise<() => void> {
    return this.#database.listen(channel, (payload) => {
      if (payload === publishId) onChange();
    });
  }
}
