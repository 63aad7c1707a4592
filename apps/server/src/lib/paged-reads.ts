/** One paged read: page n of it, and how many pages its answers say there are. */
export interface PagedRead<Item> {
  page(page: number): Promise<{ items: Item[]; totalPages: number }>;
}

/**
 * Runs paged reads in order, each page handed to `onPage` in order and each read's `onRead` after
 * its last page, while up to `ahead` further pages are already asked for, across reads: the next
 * read's first page is asked for while this one's last pages are written. Only pages the first
 * answer said exist are asked for; an empty page ends a read early (its set shrank meanwhile).
 * The first failure stops everything and is thrown once the pages in flight have settled.
 */
export async function runPagedReads<Item>(
  reads: readonly PagedRead<Item>[],
  handlers: {
    ahead: number;
    onPage: (read: number, items: Item[]) => Promise<void>;
    onRead?: (read: number) => Promise<void>;
  },
): Promise<void> {
  interface Progress {
    requested: number;
    lastPage: number | undefined;
    ended: boolean;
    pages: Map<number, Promise<{ items: Item[]; totalPages: number }>>;
  }
  const progress: Progress[] = reads.map(() => ({
    requested: 0,
    lastPage: undefined,
    ended: false,
    pages: new Map(),
  }));
  let waiting = 0;
  let failed = false;

  const request = (index: number) => {
    const each = progress[index]!;
    each.requested += 1;
    waiting += 1;
    const page = each.requested;
    const answer = reads[index]!.page(page).then((found) => {
      if (found.items.length === 0) each.ended = true;
      else each.lastPage = found.totalPages;
      each.lastPage ??= page;
      topUp();
      return found;
    });
    answer.catch(() => {
      failed = true;
    });
    each.pages.set(page, answer);
  };

  function topUp(): void {
    while (!failed && waiting < handlers.ahead + 1) {
      const index = progress.findIndex(
        (each) =>
          each.requested === 0 ||
          (!each.ended && each.lastPage !== undefined && each.requested < each.lastPage),
      );
      if (index === -1) return;
      request(index);
    }
  }

  try {
    // The first pages of the next reads are asked for with the first read's: they need no
    // answer before them, and a report's first page is its slowest (TikTok builds the report).
    topUp();
    for (const [index, each] of progress.entries()) {
      if (each.requested === 0) request(index);
      for (let page = 1; page <= each.requested; page += 1) {
        const found = await each.pages.get(page)!;
        each.pages.delete(page);
        waiting -= 1;
        topUp();
        await handlers.onPage(index, found.items);
      }
      await handlers.onRead?.(index);
    }
  } finally {
    failed = true;
    // Pages still in flight settle before the caller goes on (and their failures stay handled).
    await Promise.allSettled(progress.flatMap((each) => [...each.pages.values()]));
  }
}
