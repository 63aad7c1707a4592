import type { Draft } from '@whathead/contracts';
import { useReducer } from 'react';
import { draftEditorReducer, initialEditorState } from '../model/draft-editor';
import { createNodeKey } from '../model/node-keys';

const reduce = draftEditorReducer(createNodeKey);

/** The builder's state (model/draft-editor.ts), started from the draft as loaded. */
export function useDraftEditor(draft: Draft) {
  return useReducer(reduce, draft, (loaded) =>
    initialEditorState(loaded.name, loaded.document, loaded.activePublishId !== null),
  );
}
