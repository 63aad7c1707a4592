import type { Page } from '../transport/wire-schemas.js';

/**
 * Reference §2: page-number pagination; stop once `page >= total_page` (PostHog's paginator) or
 * a page comes back empty, so a total that shrinks mid-walk cannot loop forever.
 */
export async function* iteratePages<Item>(
  fetchPage: (page: number) => Promise<Page<Item>>,
): AsyncGenerator<Item> {
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page);
    yield* result.items;
    if (result.items.length === 0 || page >= result.pageInfo.totalPage) return;
  }
}

/** Collects an async iterator into an array. */
export async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}
