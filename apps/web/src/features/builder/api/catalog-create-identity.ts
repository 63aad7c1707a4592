import { useMutation, useQueryClient } from '@tanstack/react-query';
import { identitySchema, type Identity } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { catalogKeys, catalogPath } from './catalog';

/** `POST …/builder/accounts/:advertiserId/identities`: a custom identity, a name shown on ads. */
export function createIdentity(
  workspaceId: string,
  advertiserId: string,
  displayName: string,
): Promise<Identity> {
  return api.post(catalogPath(workspaceId, advertiserId, 'identities'), { displayName }, identitySchema);
}

export function useCreateIdentity(workspaceId: string, advertiserId: string) {
  const queryClient = useQueryClient();
  const listKey = catalogKeys.list(workspaceId, advertiserId, 'identities');
  return useMutation({
    mutationFn: (displayName: string) => createIdentity(workspaceId, advertiserId, displayName),
    onSuccess: (identity) => {
      // In the list at once, so the select can show it before TikTok's list is read again.
      queryClient.setQueryData<{ identities: Identity[] }>(listKey, (list) =>
        list ? { identities: [...list.identities, identity] } : list,
      );
      void queryClient.invalidateQueries({ queryKey: listKey });
    },
  });
}
