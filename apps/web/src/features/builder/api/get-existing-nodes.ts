import { existingNodesResponseSchema, type DraftNode, type ExistingNodesQuery } from '@whathead/contracts';
import { api } from '../../../lib/api';

/**
 * `GET /api/workspaces/:workspaceId/builder/existing`: campaigns, ad groups and ads from the
 * campaigns mirror as draft nodes, with their TikTok ids and what TikTok has as `published`.
 */
export async function getExistingNodes(workspaceId: string, query: ExistingNodesQuery): Promise<DraftNode[]> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const answer = await api.get(
    `/workspaces/${encodeURIComponent(workspaceId)}/builder/existing?${params}`,
    existingNodesResponseSchema,
  );
  return answer.nodes;
}
