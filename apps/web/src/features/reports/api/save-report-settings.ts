import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  reportStatusResponseSchema,
  type ReportSettings,
  type ReportStatusResponse,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/**
 * `PUT /api/workspaces/:workspaceId/reports/settings` (owners and admins): how many recent days
 * every sync reads again, and how long hourly rows are kept. Answers with the report status.
 */
export function saveReportSettings(
  workspaceId: string,
  settings: ReportSettings,
): Promise<ReportStatusResponse> {
  return api.put(
    `/workspaces/${encodeURIComponent(workspaceId)}/reports/settings`,
    settings,
    reportStatusResponseSchema,
  );
}

export function useSaveReportSettings(workspaceId: string, { onSaved }: { onSaved?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReportSettings) => saveReportSettings(workspaceId, settings),
    onSuccess: (status) => {
      queryClient.setQueryData(queryKeys.reportStatus(workspaceId), status);
      // Which days are provisional, and how far back hours reach, come with the figures. Not
      // awaited: the form is done once the settings are saved.
      void queryClient.invalidateQueries({ queryKey: queryKeys.reportFigures(workspaceId) });
      onSaved?.();
    },
  });
}
