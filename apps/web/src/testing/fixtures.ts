import type { SessionResponse, WorkspaceSummary } from '@whathead/contracts';

export const workspaceIds = {
  acme: '0b6f4d1e-6a0c-4f35-9d2b-6f1f6f3c2a10',
  globex: '5c2a9e7b-1d4f-4c8a-a6b3-2e9d8f7c6b54',
};

export const userId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export const anonymousSession: SessionResponse = {
  user: null,
  workspaces: [],
  activeWorkspaceId: null,
  csrfToken: 'anonymous-token',
};

export function signedInSession(role: WorkspaceSummary['role'] = 'owner'): SessionResponse {
  return {
    user: { id: userId, email: 'ada@example.com', name: 'Ada Lovelace' },
    workspaces: [
      { id: workspaceIds.acme, name: 'Acme Agency', role },
      { id: workspaceIds.globex, name: 'Globex', role: 'member' },
    ],
    activeWorkspaceId: workspaceIds.acme,
    csrfToken: 'signed-in-token',
  };
}
