import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import {
  mediaLibraryResponseSchema,
  type MediaLibraryQuery,
  type MediaLibraryResponse,
} from '@whathead/contracts';
import { api } from './api';
import { queryKeys } from './query-keys';

/**
 * An ad account's creative library, read by the Media page and by the "Select from Library"
 * picker: in lib because the picker (components/) may not import a feature.
 */

/** One view of a library: everything but the paging, which the infinite query does. */
export type MediaLibraryFilters = Omit<MediaLibraryQuery, 'after' | 'limit'>;

/** `GET /api/workspaces/:workspaceId/media`: one page of an account's images and videos, newest first. */
export function getMediaLibrary(
  workspaceId: string,
  query: MediaLibraryFilters & { after?: string },
  options?: { signal?: AbortSignal },
): Promise<MediaLibraryResponse> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === 'string' && value !== '') params.set(name, value);
  }
  const search = params.size > 0 ? `?${params}` : '';
  return api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/media${search}`,
    mediaLibraryResponseSchema,
    options,
  );
}

export function mediaLibraryQueryOptions(workspaceId: string, filters: MediaLibraryFilters) {
  return infiniteQueryOptions({
    queryKey: queryKeys.mediaLibrary(workspaceId, filters),
    queryFn: ({ pageParam, signal }) =>
      getMediaLibrary(workspaceId, { ...filters, after: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // While another filter loads, the items shown stay (marked as updating) instead of blinking
    // empty; another account's items would be misleading, so they do not.
    placeholderData: (previous, previousQuery) =>
      accountOf(previousQuery?.queryKey) === filters.account ? previous : undefined,
  });
}

function accountOf(queryKey: readonly unknown[] | undefined): unknown {
  return (queryKey?.[4] as MediaLibraryFilters | undefined)?.account;
}

export function useMediaLibrary(workspaceId: string, filters: MediaLibraryFilters) {
  return useInfiniteQuery(mediaLibraryQueryOptions(workspaceId, filters));
}
