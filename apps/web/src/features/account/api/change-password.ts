import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  changePasswordResponseSchema,
  type ChangePasswordInput,
  type ChangePasswordResponse,
} from '@whathead/contracts';
import { api } from '../../../lib/api';
import { queryKeys } from '../../../lib/query-keys';

/**
 * `PUT /api/account/password`: sets a new password when the current one is right, and logs the
 * user out everywhere but here; says how many other sessions ended.
 */
export function changePassword(input: ChangePasswordInput): Promise<ChangePasswordResponse> {
  return api.put('/account/password', input, changePasswordResponseSchema);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // The sessions section counts the other sessions, which have just ended.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.otherSessions }),
  });
}
