/**
 * The writes of a paged read's pages, in order of arrival, each started once fewer than `atOnce`
 * are running. A caller builds a page's statement before handing it here, so the next page's
 * statement is built while the ones before run on PostgreSQL.
 *
 * A write that failed fails the next `add` or `settled`, never silently.
 */
export class PageWrites {
  readonly #running = new Set<Promise<void>>();
  readonly #atOnce: number;
  #failure: { error: unknown } | undefined;

  constructor(atOnce: number) {
    this.#atOnce = Math.max(1, atOnce);
  }

  /** Starts `start` once fewer than `atOnce` writes run; throws a write's earlier failure. */
  async add(start: () => Promise<void>): Promise<void> {
    while (this.#running.size >= this.#atOnce) await Promise.race(this.#running);
    this.#throwFailure();
    const running: Promise<void> = start()
      .catch((error: unknown) => {
        this.#failure ??= { error };
      })
      .finally(() => this.#running.delete(running));
    this.#running.add(running);
    // The statement goes out through the pool's callbacks; once they have run it is on its way,
    // and only then does the caller block this process building its next page.
    await new Promise((resolve) => setImmediate(resolve));
  }

  /** Every write added is done; throws the first that failed. */
  async settled(): Promise<void> {
    await Promise.allSettled(this.#running);
    this.#throwFailure();
  }

  /** Every write added is done, failed or not: for the way out of a read that failed. */
  async drained(): Promise<void> {
    await Promise.allSettled(this.#running);
  }

  #throwFailure(): void {
    if (this.#failure) throw this.#failure.error;
  }
}
