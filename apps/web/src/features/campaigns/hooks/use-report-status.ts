import { useQuery } from '@tanstack/react-query';
import type { ReportStatusResponse } from '@whathead/contracts';
import { idleStatusPollMilliseconds, reportStatusQueryOptions } from '../../../lib/report-status';

/**
 * Each ad account's today, which the metric columns' range presets count from: the report status
 * (lib/report-status.ts), asked now and then so "today" moves on at the account's midnight.
 * Undefined while it loads; null when it could not be read, so the table need not wait on it.
 */
export function useReportStatus(workspaceId: string): ReportStatusResponse | null | undefined {
  const status = useQuery({
    ...reportStatusQueryOptions(workspaceId),
    refetchInterval: idleStatusPollMilliseconds,
  });
  if (status.isError) return status.data ?? null;
  return status.data;
}
