import { queryOptions, useQuery } from '@tanstack/react-query';
import { membersResponseSchema, type MembersResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/workspaces/:workspaceId/members`: the team and its pending invitations. */
export function getMembers(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<MembersResponse> {
  return api.get(`/workspaces/${encodeURIComponent(workspaceId)}/members`, membersResponseSchema, options);
}

export function membersQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.members(workspaceId),
    queryFn: ({ signal }) => getMembers(workspaceId, { signal }),
  });
}

export function useMembers(workspaceId: string) {
  return useQuery(membersQueryOptions(workspaceId));
}
