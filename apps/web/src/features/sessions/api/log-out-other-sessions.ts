import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endOtherSessionsResponseSchema, type EndOtherSessionsResponse } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** `POST /api/session/others/end`: logs the user out everywhere but here; says how many sessions ended. */
export function logOutOtherSessions(): Promise<EndOtherSessionsResponse> {
  return api.post('/session/others/end', {}, endOtherSessionsResponseSchema);
}

export function useLogOutOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOutOtherSessions,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.otherSessions }),
  });
}
