import { saveDraftResponseSchema, type SaveDraftInput } from '@whathead/contracts';
import { api } from '../../../lib/api';
import { isApiError } from '../../../lib/api-error';
import { draftsPath } from './draft-query-keys';

/**
 * `PUT /api/workspaces/:workspaceId/drafts/:draftId`: the whole draft, saved over `version`. A
 * newer version on the server (someone else saved) or a publish under way answers 409.
 */
export function saveDraft(
  workspaceId: string,
  draftId: string,
  input: SaveDraftInput,
): Promise<{ version: number; updatedAt: string }> {
  return api.put(draftsPath(workspaceId, draftId), input, saveDraftResponseSchema);
}

/**
 * Whether the save was refused for a conflict (draft_conflict or draft_publishing). The status
 * decides, not the code: the builder reads the draft afresh to learn which, and who saved when.
 */
export const isSaveConflict = (error: unknown) => isApiError(error) && error.status === 409;
