import { useMutation } from '@tanstack/react-query';
import { sessionResponseSchema, type CreateWorkspaceInput, type SessionResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { useApplySession } from '../../../lib/session';

/** `POST /api/workspaces`: the creator becomes its owner and the new workspace becomes active. */
export function createWorkspace(input: CreateWorkspaceInput): Promise<SessionResponse> {
  return api.post('/workspaces', input, sessionResponseSchema);
}

export function useCreateWorkspace({ onCreated }: { onCreated?: () => void } = {}) {
  const applySession = useApplySession();
  return useMutation({
    mutationFn: createWorkspace,
    onSuccess: (session) => {
      applySession(session);
      onCreated?.();
    },
  });
}
