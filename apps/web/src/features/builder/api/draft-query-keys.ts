/**
 * The builder's query keys, under the workspace like every key of lib/query-keys.ts (so switching
 * workspace or user drops them with the rest). Kept here while the builder is new; they belong
 * in that catalogue once another feature needs them.
 */
export const draftQueryKeys = {
  all: (workspaceId: string) => ['workspaces', workspaceId, 'drafts'] as const,
  list: (workspaceId: string) => ['workspaces', workspaceId, 'drafts', 'list'] as const,
  draft: (workspaceId: string, draftId: string) =>
    ['workspaces', workspaceId, 'drafts', 'one', draftId] as const,
  /** Campaigns of one account for Select existing, by search. */
  existingCampaigns: (workspaceId: string, advertiserId: string, search: string) =>
    ['workspaces', workspaceId, 'drafts', 'existing-campaigns', advertiserId, search] as const,
};

/** `/workspaces/:workspaceId/drafts…`, each part encoded. */
export function draftsPath(workspaceId: string, draftId?: string): string {
  const base = `/workspaces/${encodeURIComponent(workspaceId)}/drafts`;
  return draftId === undefined ? base : `${base}/${encodeURIComponent(draftId)}`;
}
