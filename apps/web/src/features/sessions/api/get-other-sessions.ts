import { useQuery } from '@tanstack/react-query';
import { otherSessionsSchema, type OtherSessions } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/session/others`: how many other browsers or devices the user is logged in on. */
export function getOtherSessions(options?: { signal?: AbortSignal }): Promise<OtherSessions> {
  return api.get('/session/others', otherSessionsSchema, options);
}

export function useOtherSessions() {
  return useQuery({
    queryKey: queryKeys.otherSessions,
    queryFn: ({ signal }) => getOtherSessions({ signal }),
  });
}
