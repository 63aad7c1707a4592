import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';
import { queryKeys } from './query-keys';

const maximumRetries = 2;

/**
 * The app's query client. A request answered `unauthenticated` means the session ended on the
 * server (expired, logged out in another tab or from another browser), so the session is fetched
 * again and the route guard sends the user to the log-in page, which says the session has ended.
 * Only that code counts: a wrong password answers 401 too, as `invalid_credentials`.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => refreshSessionIfEnded(client, error) }),
    mutationCache: new MutationCache({ onError: (error) => refreshSessionIfEnded(client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) =>
          failureCount < maximumRetries && (!isApiError(error) || error.isRetryable),
      },
      mutations: { retry: false },
    },
  });
  return client;
}

function refreshSessionIfEnded(client: QueryClient, error: unknown): void {
  if (isApiError(error) && error.code === 'unauthenticated') {
    void client.invalidateQueries({ queryKey: queryKeys.session });
  }
}

export const queryClient = createQueryClient();
