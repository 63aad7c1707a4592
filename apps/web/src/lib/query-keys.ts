/**
 * Every TanStack Query key in one catalogue, so one feature can refresh data another feature shows
 * (switching workspace, logging out) without the features importing each other.
 */
export const queryKeys = {
  session: ['session'] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  tiktokConnections: (workspaceId: string) => ['workspaces', workspaceId, 'tiktok', 'connections'] as const,
  tiktokAudit: (workspaceId: string) => ['workspaces', workspaceId, 'tiktok', 'audit'] as const,
  tiktokUsage: (workspaceId: string) => ['workspaces', workspaceId, 'tiktok', 'usage'] as const,
  /** This session's held TikTok sign-ins; under the workspace, so switching workspace drops them. */
  tiktokGrants: (workspaceId: string) => ['workspaces', workspaceId, 'tiktok', 'grants'] as const,
  /** Every page of every view of the Campaigns table, for refreshing them all after a sync. */
  campaignRows: (workspaceId: string) => ['workspaces', workspaceId, 'campaigns', 'rows'] as const,
  /** One view of the table (level, accounts, filters, order): its pages, as an infinite query. */
  campaignTable: (workspaceId: string, query: object) =>
    ['workspaces', workspaceId, 'campaigns', 'rows', query] as const,
  campaignSync: (workspaceId: string) => ['workspaces', workspaceId, 'campaigns', 'sync'] as const,
  /** Every row's change history, for refreshing them all after a change. */
  campaignChangeLists: (workspaceId: string) => ['workspaces', workspaceId, 'campaigns', 'changes'] as const,
  /** The changes Whathead made to one campaign, ad group or ad. */
  campaignChanges: (workspaceId: string, level: string, advertiserId: string, id: string) =>
    ['workspaces', workspaceId, 'campaigns', 'changes', level, advertiserId, id] as const,
  reportStatus: (workspaceId: string) => ['workspaces', workspaceId, 'reports', 'status'] as const,
  /** Every overview and breakdown of the Reports page, for reading them again after a sync. */
  reportFigures: (workspaceId: string) => ['workspaces', workspaceId, 'reports', 'figures'] as const,
  reportOverview: (workspaceId: string, query: object) =>
    ['workspaces', workspaceId, 'reports', 'figures', 'overview', query] as const,
  reportBreakdown: (workspaceId: string, query: object) =>
    ['workspaces', workspaceId, 'reports', 'figures', 'breakdown', query] as const,
  /** The workspace's ad accounts whose creative library can be browsed, with each library's state. */
  mediaAccounts: (workspaceId: string) => ['workspaces', workspaceId, 'media', 'accounts'] as const,
  /** Every view of every library (page and picker), for reading them again after a refresh or an upload. */
  mediaLibraries: (workspaceId: string) => ['workspaces', workspaceId, 'media', 'library'] as const,
  /** One view of one account's library (filters, search): its pages, as an infinite query. */
  mediaLibrary: (workspaceId: string, query: object) =>
    ['workspaces', workspaceId, 'media', 'library', query] as const,
  /** The latest upload batches, with every unfinished one. */
  mediaBatches: (workspaceId: string) => ['workspaces', workspaceId, 'media', 'batches'] as const,
  mediaBatch: (workspaceId: string, batchId: string) =>
    ['workspaces', workspaceId, 'media', 'batch', batchId] as const,
  invitationPreview: (token: string) => ['invitations', token] as const,
  passwordReset: (token: string) => ['password-resets', token] as const,
  /** Not under `session`: a change of user must drop it with everything else of the old user. */
  otherSessions: ['account', 'other-sessions'] as const,
};
