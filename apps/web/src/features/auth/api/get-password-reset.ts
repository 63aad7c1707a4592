import { useQuery } from '@tanstack/react-query';
import { passwordResetSchema, type PasswordReset } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/** `GET /api/auth/password-resets/:token`: whose password the link resets, while it still can. */
export function getPasswordReset(token: string, options?: { signal?: AbortSignal }): Promise<PasswordReset> {
  return api.get(`/auth/password-resets/${encodeURIComponent(token)}`, passwordResetSchema, options);
}

export function usePasswordReset(token: string) {
  return useQuery({
    queryKey: queryKeys.passwordReset(token),
    queryFn: ({ signal }) => getPasswordReset(token, { signal }),
    // A link that has expired or been used stays so: asking again cannot help.
    retry: false,
    staleTime: Infinity,
  });
}
