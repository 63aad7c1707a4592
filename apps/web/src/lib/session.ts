import { queryOptions, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { sessionResponseSchema, type SessionResponse, type WorkspaceSummary } from '@whathead/contracts';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { api } from './api';
import { queryKeys } from './query-keys';

/** `GET /api/session`: who is logged in, their workspaces, and the CSRF token. Also sets the CSRF cookie. */
export function getSession(options?: { signal?: AbortSignal }): Promise<SessionResponse> {
  return api.get('/session', sessionResponseSchema, options);
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => getSession({ signal }),
    staleTime: 60_000,
  });
}

/** The current session. The root route loads it before anything renders, so it never suspends there. */
export function useSession(): SessionResponse {
  return useSuspenseQuery(sessionQueryOptions()).data;
}

export function useActiveWorkspace(): WorkspaceSummary | undefined {
  const { workspaces, activeWorkspaceId } = useSession();
  return workspaces.find((workspace) => workspace.id === activeWorkspaceId);
}

/**
 * Returns a function that stores a new session (after sign-up, log-in, log-out, workspace changes)
 * and optionally moves to another page.
 *
 * The order matters: the cache is written first and the navigation is flushed synchronously, so
 * the route guards of the destination read the new session and a guard on the page being left
 * never gets the chance to redirect on the old one. While the destination's code loads, the
 * guards of the page being left wait (app/routes/require-user.tsx, require-guest.tsx).
 */
export function useApplySession(): (session: SessionResponse, destination?: string) => void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    (session, destination) => {
      const previous = queryClient.getQueryData<SessionResponse>(queryKeys.session);
      queryClient.setQueryData(queryKeys.session, session);
      if (previous?.user?.id !== session.user?.id) {
        // One person's data must not linger in memory once another (or nobody) is logged in.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
      }
      if (destination !== undefined) void navigate(destination, { replace: true, flushSync: true });
    },
    [queryClient, navigate],
  );
}
