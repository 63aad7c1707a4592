import { rollupCountColumns } from '../repositories/tiktok-report-facts.repository.js';
import type { ReportSums } from '../repositories/tiktok-report-queries.repository.js';

/** A row of sums as PostgreSQL prints them: every figure unknown (null) unless given. */
export const sumsRow = (values: Partial<ReportSums> = {}): ReportSums => ({
  ...(Object.fromEntries(['spend', ...rollupCountColumns].map((column) => [column, null])) as ReportSums),
  ...values,
});
