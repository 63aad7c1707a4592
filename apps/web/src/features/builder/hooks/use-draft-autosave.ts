import { useQueryClient } from '@tanstack/react-query';
import type { Draft } from '@whathead/contracts';
import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { isApiError } from '../../../lib/api-error';
import { messageForError } from '../../../lib/error-messages';
import { draftQueryKeys } from '../api/draft-query-keys';
import { getDraft } from '../api/get-draft';
import { isSaveConflict, saveDraft } from '../api/save-draft';
import { hasUnsavedChanges, type DraftEditorAction, type DraftEditorState } from '../model/draft-editor';
import { publishedSince, withPublishedFacts } from '../model/published-facts';

/** Saves this long after the last change, so typing is saved once it pauses, not on every key. */
export const autosaveDelayMilliseconds = 800;
const retryDelays = [2000, 4000, 8000, 15_000, 30_000];

/**
 * idle: nothing in flight (saved, or a change waits out the delay); saving: a PUT is in flight;
 * retrying: the last one failed on the network or the server and is tried again; failed: refused
 * for a reason a retry can't fix, tried again on the next change; conflict: someone saved a newer
 * version; publishing: the draft is being published and can't be saved.
 */
export type SavePhase = 'idle' | 'saving' | 'retrying' | 'failed' | 'conflict' | 'publishing';

interface AutosaveOptions {
  workspaceId: string;
  draftId: string;
  state: DraftEditorState;
  dispatch: Dispatch<DraftEditorAction>;
  /** The version the editor's document started from. */
  initialVersion: number;
}

/**
 * Saves the draft a moment after each change, over the version last saved. A conflict stops the
 * saving until the user chooses: reload their version, or keep mine (saved over theirs).
 */
export function useDraftAutosave({ workspaceId, draftId, state, dispatch, initialVersion }: AutosaveOptions) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(initialVersion);
  const [phase, setPhase] = useState<SavePhase>('idle');
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<{ revision: number; message: string } | null>(null);
  /** The server's draft when a save was refused: whose newer version, or the publish under way. */
  const [theirs, setTheirs] = useState<Draft | null>(null);
  const latest = useRef({ state, version });
  const base = useRef<Draft['document'] | undefined>(undefined);
  const [theirsPublished, setTheirsPublished] = useState(false);
  useEffect(() => {
    latest.current = { state, version };
  });

  const save = useCallback(async () => {
    const { state: snapshot, version: from } = latest.current;
    setPhase('saving');
    try {
      const saved = await saveDraft(workspaceId, draftId, {
        version: from,
        name: snapshot.name,
        document: snapshot.document,
      });
      setVersion(saved.version);
      latest.current.version = saved.version;
      dispatch({ type: 'saved', revision: snapshot.revision });
      // Opened again later, the builder starts from what was saved here, not from its first read.
      queryClient.setQueryData<Draft>(
        draftQueryKeys.draft(workspaceId, draftId),
        (cached) => cached && { ...cached, ...saved, name: snapshot.name, document: snapshot.document },
      );
      void queryClient.invalidateQueries({ queryKey: draftQueryKeys.list(workspaceId), refetchType: 'none' });
      setAttempt(0);
      setFailure(null);
      setPhase('idle');
    } catch (error) {
      if (isSaveConflict(error)) {
        await readTheirs();
      } else if (isApiError(error) && !error.isRetryable) {
        setFailure({ revision: snapshot.revision, message: messageForError(error) });
        setPhase('failed');
      } else {
        setAttempt((count) => count + 1);
        setPhase('retrying');
      }
    }

    // The 409 says only that the save lost; the draft as the server has it says to whom, or to a publish.
    async function readTheirs() {
      // What this tab's version started from, for "Keep mine" to tell what changed since.
      base.current = queryClient.getQueryData<Draft>(draftQueryKeys.draft(workspaceId, draftId))?.document;
      try {
        const draft = await queryClient.fetchQuery({
          queryKey: draftQueryKeys.draft(workspaceId, draftId),
          queryFn: ({ signal }) => getDraft(workspaceId, draftId, { signal }),
          staleTime: 0,
        });
        setTheirs(draft);
        setTheirsPublished(publishedSince(base.current, draft.document));
        setPhase(draft.activePublishId ? 'publishing' : 'conflict');
      } catch {
        setAttempt((count) => count + 1);
        setPhase('retrying');
      }
    }
  }, [workspaceId, draftId, dispatch, queryClient]);

  const dirty = hasUnsavedChanges(state);
  const waitsForChange = phase === 'failed' && failure?.revision === state.revision;
  useEffect(() => {
    const blocked = phase === 'saving' || phase === 'conflict' || phase === 'publishing';
    if (!dirty || blocked || waitsForChange || state.readOnly) return;
    const delay =
      phase === 'retrying'
        ? retryDelays[Math.min(attempt - 1, retryDelays.length - 1)]!
        : autosaveDelayMilliseconds;
    const timer = window.setTimeout(() => void save(), delay);
    return () => window.clearTimeout(timer);
  }, [dirty, phase, attempt, waitsForChange, state.readOnly, state.revision, save]);

  /** The server's version replaces the local one: after "Reload their version", or a publish. */
  const adopt = useCallback(
    (draft: Draft) => {
      dispatch({ type: 'load', name: draft.name, document: draft.document });
      setVersion(draft.version);
      latest.current.version = draft.version;
      setTheirs(null);
      setPhase('idle');
    },
    [dispatch],
  );

  /**
   * The server has a newer version than this tab (a preview or a publish was refused for it):
   * read it and ask, as a refused save does.
   */
  const checkNewer = useCallback(async () => {
    base.current = queryClient.getQueryData<Draft>(draftQueryKeys.draft(workspaceId, draftId))?.document;
    const draft = await queryClient.fetchQuery({
      queryKey: draftQueryKeys.draft(workspaceId, draftId),
      queryFn: ({ signal }) => getDraft(workspaceId, draftId, { signal }),
      staleTime: 0,
    });
    if (draft.version === latest.current.version) return;
    // Nothing here unsaved: the newer version simply replaces this tab's.
    if (!hasUnsavedChanges(latest.current.state)) return adopt(draft);
    setTheirs(draft);
    setTheirsPublished(publishedSince(base.current, draft.document));
    setPhase(draft.activePublishId ? 'publishing' : 'conflict');
  }, [queryClient, workspaceId, draftId, adopt]);

  /**
   * "Keep mine": saved at once over their newer version, keeping from it what a publish wrote
   * back (TikTok's ids), so that mine never makes TikTok's objects look new again.
   */
  const keepMine = useCallback(() => {
    if (!theirs) return;
    const from = base.current;
    dispatch({ type: 'adoptFacts', adopt: (mine) => withPublishedFacts(mine, from, theirs.document) });
    setVersion(theirs.version);
    latest.current.version = theirs.version;
    setTheirs(null);
    // Saved once the adopted document is this tab's state (the effect below saves what changed).
    setPhase('idle');
  }, [theirs, dispatch]);

  return {
    phase,
    version,
    dirty,
    failure: waitsForChange ? failure!.message : null,
    theirs,
    /** Their version holds TikTok ids this tab's base did not: a publish wrote it, not a person. */
    theirsPublished,
    adopt,
    keepMine,
    checkNewer,
  };
}

export type Autosave = ReturnType<typeof useDraftAutosave>;
