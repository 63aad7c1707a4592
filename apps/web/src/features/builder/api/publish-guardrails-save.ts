import { useMutation, useQueryClient } from '@tanstack/react-query';
import { guardrailsSchema, type Guardrails } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { guardrailsPath } from './publish-guardrails';
import { publishQueryKeys } from './publish-query-keys';

/** `PUT /api/workspaces/:workspaceId/builder/guardrails` (owners and admins): both limits at once. */
export function saveGuardrails(workspaceId: string, input: Guardrails): Promise<Guardrails> {
  return api.put(guardrailsPath(workspaceId), input, guardrailsSchema);
}

export function useSaveGuardrails(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Guardrails) => saveGuardrails(workspaceId, input),
    onSuccess: (saved) => queryClient.setQueryData(publishQueryKeys.guardrails(workspaceId), saved),
  });
}
