import { useMutation } from '@tanstack/react-query';
import { startTikTokConnectResponseSchema, type StartTikTokConnectResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { tiktokPath } from './get-tiktok-connections';

/**
 * `POST /api/workspaces/:workspaceId/tiktok/connect`: the TikTok authorization page to open, with
 * a fresh single-use state bound to this session. Pass a connection id to reconnect it.
 */
export function startTikTokConnect(
  workspaceId: string,
  reconnectConnectionId?: string,
): Promise<StartTikTokConnectResponse> {
  return api.post(
    `${tiktokPath(workspaceId)}/connect`,
    reconnectConnectionId ? { reconnectConnectionId } : {},
    startTikTokConnectResponseSchema,
  );
}

export function useStartTikTokConnect(workspaceId: string) {
  return useMutation({
    mutationFn: (reconnectConnectionId?: string) => startTikTokConnect(workspaceId, reconnectConnectionId),
  });
}
