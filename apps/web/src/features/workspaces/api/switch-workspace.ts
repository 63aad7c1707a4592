import { useMutation } from '@tanstack/react-query';
import { sessionResponseSchema, type SessionResponse, type SwitchWorkspaceInput } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { useApplySession } from '../../../lib/session';

/** `POST /api/session/workspace`: makes another of the user's workspaces the active one. */
export function switchWorkspace(input: SwitchWorkspaceInput): Promise<SessionResponse> {
  return api.post('/session/workspace', input, sessionResponseSchema);
}

export function useSwitchWorkspace() {
  const applySession = useApplySession();
  return useMutation({
    mutationFn: switchWorkspace,
    onSuccess: (session) => applySession(session),
  });
}
