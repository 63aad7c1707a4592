import type { Draft } from '@whathead/contracts';
import { useEffect, useRef, type Dispatch } from 'react';
import type { DraftEditorAction } from '../model/draft-editor';
import type { Autosave } from './use-draft-autosave';

/**
 * A draft being published is read-only (the publish writes TikTok's ids into it). `server` is the
 * draft as last read, polled while a publish runs (api/get-draft.ts); once the publish is over,
 * the published version, with its ids, replaces what is on screen and editing resumes.
 */
export function usePublishLock(
  server: Draft,
  autosave: Autosave,
  dispatch: Dispatch<DraftEditorAction>,
): boolean {
  const publishing = server.activePublishId !== null || autosave.phase === 'publishing';
  const wasPublishing = useRef(server.activePublishId !== null);
  const { adopt } = autosave;

  useEffect(() => {
    dispatch({ type: 'setReadOnly', readOnly: publishing });
  }, [publishing, dispatch]);

  useEffect(() => {
    const now = server.activePublishId !== null;
    // A publish that ended before this page saw it under way still wrote TikTok's ids into a newer
    // version: with nothing unsaved here, that version is the one to edit on.
    const publishedMeanwhile = !now && server.version > autosave.version && !autosave.dirty;
    if ((wasPublishing.current && !now) || publishedMeanwhile) adopt(server);
    wasPublishing.current = now;
  }, [server, adopt, autosave.version, autosave.dirty]);

  return publishing;
}
