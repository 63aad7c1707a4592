/**
 * The publishes' query keys, under the workspace like every key of lib/query-keys.ts (so switching
 * workspace or user drops them with the rest). Kept next to the builder's own while publishing is
 * the builder's alone.
 */
export const publishQueryKeys = {
  all: (workspaceId: string) => ['workspaces', workspaceId, 'publishes'] as const,
  list: (workspaceId: string) => ['workspaces', workspaceId, 'publishes', 'list'] as const,
  publish: (workspaceId: string, publishId: string) =>
    ['workspaces', workspaceId, 'publishes', 'one', publishId] as const,
  preview: (workspaceId: string, draftId: string, version: number) =>
    ['workspaces', workspaceId, 'publishes', 'preview', draftId, version] as const,
  guardrails: (workspaceId: string) => ['workspaces', workspaceId, 'builder', 'guardrails'] as const,
};

/** `/workspaces/:workspaceId/publishes…`, each part encoded. */
export function publishesPath(workspaceId: string, publishId?: string): string {
  const base = `/workspaces/${encodeURIComponent(workspaceId)}/publishes`;
  return publishId === undefined ? base : `${base}/${encodeURIComponent(publishId)}`;
}
