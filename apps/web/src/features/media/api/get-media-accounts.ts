import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  mediaAccountsResponseSchema,
  type MediaAccount,
  type MediaAccountsResponse,
} from '@whathead/contracts';
import { useEffect, useRef } from 'react';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** While a library is queued or importing, ask this often how far it got. */
export const libraryPollMilliseconds = 2000;

/** `GET /api/workspaces/:workspaceId/media/accounts`: the workspace's ad accounts and where each library stands. */
export function getMediaAccounts(
  workspaceId: string,
  options?: { signal?: AbortSignal },
): Promise<MediaAccountsResponse> {
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/media/accounts`,
    mediaAccountsResponseSchema,
    options,
  );
}

export function isImporting(account: Pick<MediaAccount, 'state'>): boolean {
  return account.state === 'queued' || account.state === 'importing';
}

export function mediaAccountsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: queryKeys.mediaAccounts(workspaceId),
    queryFn: ({ signal }) => getMediaAccounts(workspaceId, { signal }),
    refetchInterval: (query) =>
      query.state.data?.accounts.some(isImporting) ? libraryPollMilliseconds : false,
    // Choosing accounts in Integrations queues their import: ask afresh whenever the page opens.
    refetchOnMount: 'always',
  });
}

/**
 * The accounts, polled while a library imports; each import that ends brings its items into the
 * page. `enabled` waits for the connections to say the workspace uses any account at all.
 */
export function useMediaAccounts(workspaceId: string, enabled: boolean) {
  const query = useQuery({ ...mediaAccountsQueryOptions(workspaceId), enabled });
  useLibraryRefreshedAsImportsEnd(workspaceId, query.data);
  return query;
}

function useLibraryRefreshedAsImportsEnd(workspaceId: string, answer: MediaAccountsResponse | undefined) {
  const queryClient = useQueryClient();
  const importing = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!answer) return;
    const before = importing.current;
    importing.current = new Set(answer.accounts.filter(isImporting).map((account) => account.advertiserId));
    if ([...before].some((advertiserId) => !importing.current.has(advertiserId))) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.mediaLibraries(workspaceId) });
    }
  }, [queryClient, workspaceId, answer]);
}
