import { sessionResponseSchema, type SessionResponse } from '@whathead/contracts';
import { createApiClient } from './api-client';
import { queryClient } from './query-client';
import { queryKeys } from './query-keys';

/**
 * The app's API client. The CSRF token comes from the session in the query cache, which every
 * sign-up, log-in and log-out replaces, so a request always carries the latest token.
 */
export const api = createApiClient({
  csrfToken: async ({ refresh }) => {
    const cached = queryClient.getQueryData<SessionResponse>(queryKeys.session);
    if (cached && !refresh) return cached.csrfToken;
    const session = await queryClient.fetchQuery({
      queryKey: queryKeys.session,
      queryFn: ({ signal }) => api.get('/session', sessionResponseSchema, { signal }),
      staleTime: 0,
    });
    return session.csrfToken;
  },
});
