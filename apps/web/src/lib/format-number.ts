const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** A count grouped as the reader writes numbers: "12,345". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/**
 * A rate TikTok writes as a percentage ("1.25" is 1.25 %, and the server keeps its convention),
 * with two decimals: "1.25%".
 */
export function formatPercent(percentage: number): string {
  return percentFormat.format(percentage / 100);
}
