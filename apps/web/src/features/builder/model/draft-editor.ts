import type { DraftDocument, DraftNode } from '@whathead/contracts';
import { copyNodes, duplicateNodes, pasteNodes, type DraftClipboard } from './clipboard';
import type { EditOutcome } from './edit-outcome';
import { insertExisting } from './existing-nodes';
import type { KeyMaker } from './node-keys';
import { reparentNodes } from './reparent';
import {
  addAdGroups,
  addAds,
  addCampaign,
  clearPositions,
  deleteNodes,
  moveNodes,
  replaceNodes,
  type Position,
} from './tree-edits';

/** Undo goes back this many changes; older ones are forgotten. */
export const historyLimit = 100;

export interface EditorMessage {
  tone: 'note' | 'refusal';
  text: string;
}

interface HistoryEntry {
  document: DraftDocument;
  selection: string[];
}

/**
 * The builder's state: the draft as edited, its undo history, what is selected and open, and
 * what was copied. `revision` counts every change to what is saved (the document and the name);
 * `savedRevision` is the one the server has, so the two differ while there is something to save.
 */
export interface DraftEditorState {
  name: string;
  document: DraftDocument;
  past: HistoryEntry[];
  future: HistoryEntry[];
  selection: string[];
  openKey: string | null;
  clipboard: DraftClipboard | null;
  message: EditorMessage | null;
  revision: number;
  savedRevision: number;
  readOnly: boolean;
  /** The last edit that later ones of the same kind join into one undo step (typing in a form). */
  joinable: string | null;
}

export type DraftEditorAction =
  | { type: 'addCampaign'; advertiserId: string }
  /** Applies `adopt` to the document and to every step of its history (facts, not an edit). */
  | { type: 'adoptFacts'; adopt: (document: DraftDocument) => DraftDocument }
  | { type: 'addAdGroups' }
  | { type: 'addAds' }
  | { type: 'delete'; keys: string[] }
  | { type: 'copy' }
  | { type: 'paste' }
  | { type: 'duplicate' }
  | { type: 'reparent'; keys: string[]; parentKey: string }
  | { type: 'insertExisting'; nodes: DraftNode[]; under?: string }
  /** A form's change to nodes; successive changes to the same nodes are one undo step. */
  | { type: 'update'; nodes: DraftNode[] }
  | { type: 'move'; positions: ReadonlyMap<string, Position> }
  | { type: 'tidy' }
  | { type: 'rename'; name: string }
  | { type: 'select'; keys: string[] }
  | { type: 'open'; key: string | null }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'dismissMessage' }
  /** An operation refused outside the reducer (a connection drawn on the canvas), in words. */
  | { type: 'refuse'; message: string }
  /** The server has this revision now. */
  | { type: 'saved'; revision: number }
  /** The server's version replaces the local one (first load, "Reload their version", after a publish). */
  | { type: 'load'; name: string; document: DraftDocument }
  | { type: 'setReadOnly'; readOnly: boolean };

export function initialEditorState(
  name: string,
  document: DraftDocument,
  readOnly = false,
): DraftEditorState {
  return {
    name,
    document,
    past: [],
    future: [],
    selection: [],
    openKey: null,
    clipboard: null,
    message: null,
    revision: 0,
    savedRevision: 0,
    readOnly,
    joinable: null,
  };
}

export const hasUnsavedChanges = (state: DraftEditorState) => state.revision !== state.savedRevision;

/** The reducer, with the maker of new node keys (random in the app, counted in tests). */
export function draftEditorReducer(newKey: KeyMaker) {
  return function reduce(state: DraftEditorState, action: DraftEditorAction): DraftEditorState {
    if (state.readOnly && changesDocument(action)) return state;
    switch (action.type) {
      case 'addCampaign':
        return openAdded(apply(state, addCampaign(state.document, action.advertiserId, newKey)));
      case 'addAdGroups':
        return openAdded(apply(state, addAdGroups(state.document, state.selection, newKey)));
      case 'addAds':
        return openAdded(apply(state, addAds(state.document, state.selection, newKey)));
      case 'delete':
        return apply(state, deleteNodes(state.document, action.keys));
      case 'copy': {
        const clipboard = copyNodes(state.document, state.selection);
        return clipboard ? { ...state, clipboard, message: null } : state;
      }
      case 'paste':
        return state.clipboard
          ? apply(state, pasteNodes(state.document, state.clipboard, state.selection, newKey))
          : state;
      case 'duplicate':
        return apply(state, duplicateNodes(state.document, state.selection, newKey));
      case 'reparent':
        return apply(state, reparentNodes(state.document, action.keys, action.parentKey));
      case 'insertExisting':
        return apply(state, insertExisting(state.document, action.nodes, newKey, { under: action.under }));
      case 'update': {
        const joinable = `update:${action.nodes.map((node) => node.key).join(',')}`;
        const document = replaceNodes(state.document, action.nodes);
        return { ...record(state, document, state.selection, joinable), message: state.message };
      }
      case 'move':
        return record(state, moveNodes(state.document, action.positions), state.selection, null);
      case 'tidy':
        return record(state, clearPositions(state.document), state.selection, null);
      case 'rename':
        return action.name === state.name
          ? state
          : { ...state, name: action.name, revision: state.revision + 1 };
      case 'select':
        return { ...state, selection: action.keys };
      case 'open':
        return { ...state, openKey: action.key, selection: action.key ? [action.key] : state.selection };
      case 'undo':
        return travel(state, 'past', 'future');
      case 'redo':
        return travel(state, 'future', 'past');
      case 'dismissMessage':
        return { ...state, message: null };
      case 'refuse':
        return { ...state, message: { tone: 'refusal', text: action.message } };
      case 'adoptFacts': {
        const adopted = (entry: HistoryEntry) => ({ ...entry, document: action.adopt(entry.document) });
        const document = action.adopt(state.document);
        if (document === state.document) return state;
        return {
          ...state,
          document,
          past: state.past.map(adopted),
          future: state.future.map(adopted),
          revision: state.revision + 1,
        };
      }
      case 'saved':
        return { ...state, savedRevision: Math.max(state.savedRevision, action.revision) };
      case 'load': {
        const revision = state.revision + 1;
        return {
          ...state,
          name: action.name,
          document: action.document,
          past: [],
          future: [],
          ...present(action.document, state.selection, state.openKey),
          revision,
          savedRevision: revision,
          joinable: null,
        };
      }
      case 'setReadOnly':
        return { ...state, readOnly: action.readOnly };
    }
  };
}

const documentActions = new Set<DraftEditorAction['type']>([
  'addCampaign',
  'addAdGroups',
  'addAds',
  'delete',
  'paste',
  'duplicate',
  'reparent',
  'insertExisting',
  'update',
  'move',
  'tidy',
  'rename',
  'undo',
  'redo',
]);

const changesDocument = (action: DraftEditorAction) => documentActions.has(action.type);

function apply(state: DraftEditorState, outcome: EditOutcome): DraftEditorState {
  if (!outcome.ok) return { ...state, message: { tone: 'refusal', text: outcome.message } };
  return {
    ...record(state, outcome.document, outcome.selection, null),
    message: outcome.note ? { tone: 'note', text: outcome.note } : null,
  };
}

/** A new document, with the one before it on the undo history (unless it joins the last step). */
function record(
  state: DraftEditorState,
  document: DraftDocument,
  selection: string[],
  joinable: string | null,
): DraftEditorState {
  const joins = joinable !== null && joinable === state.joinable;
  const past = joins
    ? state.past
    : [...state.past, { document: state.document, selection: state.selection }].slice(-historyLimit);
  return {
    ...state,
    document,
    past,
    future: [],
    ...present(document, selection, state.openKey),
    message: null,
    revision: state.revision + 1,
    joinable,
  };
}

function travel(state: DraftEditorState, from: 'past' | 'future', to: 'past' | 'future'): DraftEditorState {
  const entry = state[from].at(-1);
  if (!entry) return state;
  return {
    ...state,
    document: entry.document,
    [from]: state[from].slice(0, -1),
    [to]: [...state[to], { document: state.document, selection: state.selection }],
    ...present(entry.document, entry.selection, state.openKey),
    message: null,
    revision: state.revision + 1,
    joinable: null,
  };
}

/** One node just added opens its form: what it needs is filled in next. */
function openAdded(state: DraftEditorState): DraftEditorState {
  return state.selection.length === 1 ? { ...state, openKey: state.selection[0]! } : state;
}

/** The selection and open node, without what the document no longer has. */
function present(document: DraftDocument, selection: readonly string[], openKey: string | null) {
  const keys = new Set(document.nodes.map((node) => node.key));
  return {
    selection: selection.filter((key) => keys.has(key)),
    openKey: openKey !== null && keys.has(openKey) ? openKey : null,
  };
}
