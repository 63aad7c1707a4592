/** The figures a benchmark reports: measurements, ratios between them, and a few labels. */
export type Figures = Record<string, number | string>;

/**
 * One benchmark of scripts/benchmarks/: `run` measures, prints what it measured as it goes, and
 * returns its figures; the runner prints them as the benchmark's one `BENCH <name> {json}` line.
 */
export interface Benchmark {
  description: string;
  run(): Promise<Figures>;
}

/** The nearest-rank percentile (0–100) of some samples. */
export function percentile(samples: number[], rank: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1)]!;
}

/** Rounds a figure for reading: milliseconds to whole numbers, ratios to two decimals. */
export const rounded = (value: number, decimals = 0): number => Number(value.toFixed(decimals));
