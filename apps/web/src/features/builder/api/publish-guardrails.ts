import { useQuery } from '@tanstack/react-query';
import { guardrailsSchema, type Guardrails } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { publishQueryKeys } from './publish-query-keys';

export const guardrailsPath = (workspaceId: string) =>
  `/workspaces/${encodeURIComponent(workspaceId)}/builder/guardrails`;

/** `GET /api/workspaces/:workspaceId/builder/guardrails`: what a publish may do without a second review. */
export function getGuardrails(workspaceId: string, options?: { signal?: AbortSignal }): Promise<Guardrails> {
  return api.get(guardrailsPath(workspaceId), guardrailsSchema, options);
}

export function useGuardrails(workspaceId: string) {
  return useQuery({
    queryKey: publishQueryKeys.guardrails(workspaceId),
    queryFn: ({ signal }) => getGuardrails(workspaceId, { signal }),
  });
}
