/** Issue 4 §5 and reference §3.4/§4.1: the most ids each endpoint takes in one call. */
export const batchLimits = {
  advertiserInfo: 100,
  statusUpdate: 20,
  adCreatives: 20,
  imageInfo: 100,
  videoInfo: 60,
  filteringIds: 100,
} as const;

/** Splits a list into consecutive batches of at most `size` items. */
export function splitIntoBatches<Item>(items: readonly Item[], size: number): Item[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`Batch size must be a positive integer, got ${size}`);
  const batches: Item[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
