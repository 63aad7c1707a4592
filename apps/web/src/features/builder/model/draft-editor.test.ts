import { describe, expect, it } from 'vitest';
import { countingKeys, documentOf, springAndAutumn, usAccount } from '../testing/draft-fixtures';
import {
  draftEditorReducer,
  hasUnsavedChanges,
  initialEditorState,
  type DraftEditorAction,
} from './draft-editor';

function editor(document = springAndAutumn()) {
  const reduce = draftEditorReducer(countingKeys());
  let state = initialEditorState('Spring push', document);
  const dispatch = (...actions: DraftEditorAction[]) => {
    for (const action of actions) state = reduce(state, action);
    return state;
  };
  return {
    dispatch,
    get state() {
      return state;
    },
  };
}

const keys = (state: { document: { nodes: { key: string }[] } }) =>
  state.document.nodes.map((node) => node.key);

describe('the draft editor', () => {
  it('undoes and redoes changes, with the selection they had', () => {
    const { dispatch } = editor(documentOf());
    dispatch({ type: 'addCampaign', advertiserId: usAccount });
    const added = dispatch({ type: 'addAdGroups' });
    expect(keys(added)).toEqual(['k1', 'k2']);

    const undone = dispatch({ type: 'undo' });
    expect(keys(undone)).toEqual(['k1']);
    expect(undone.selection).toEqual(['k1']);
    expect(keys(dispatch({ type: 'redo' }))).toEqual(['k1', 'k2']);
  });

  it('joins successive form changes to one node into one undo step', () => {
    const { dispatch, state } = editor();
    const node = state.document.nodes[0]!;
    const rename = (name: string) =>
      ({ type: 'update', nodes: [{ ...node, settings: { ...node.settings, name } }] }) as DraftEditorAction;
    dispatch(rename('S'), rename('Sp'), rename('Spr'));
    expect(dispatch({ type: 'undo' }).document.nodes[0]!.settings.name).toBe('Spring');
  });

  it('counts changes to save, and knows when the server has them', () => {
    const { dispatch } = editor();
    const changed = dispatch({ type: 'tidy' }, { type: 'rename', name: 'Autumn push' });
    expect(hasUnsavedChanges(changed)).toBe(true);
    expect(hasUnsavedChanges(dispatch({ type: 'saved', revision: changed.revision }))).toBe(false);
    // Selecting and copying change nothing to save.
    expect(hasUnsavedChanges(dispatch({ type: 'select', keys: ['autumn'] }, { type: 'copy' }))).toBe(false);
  });

  it('says why an operation was refused, and changes nothing', () => {
    const { dispatch, state } = editor();
    const refused = dispatch({ type: 'select', keys: ['autumn'] }, { type: 'addAds' });
    expect(refused.message).toEqual({ tone: 'refusal', text: 'Select an ad group to add an ad to.' });
    expect(refused.document).toBe(state.document);
    expect(refused.past).toEqual([]);
  });

  it('loads the server’s version as saved, keeping what is still there selected', () => {
    const { dispatch } = editor();
    dispatch({ type: 'select', keys: ['autumn', 'spring'] }, { type: 'tidy' });
    const loaded = dispatch({
      type: 'load',
      name: 'Theirs',
      document: documentOf(springAndAutumn().nodes[0]!),
    });
    expect(loaded.selection).toEqual(['spring']);
    expect(loaded.past).toEqual([]);
    expect(hasUnsavedChanges(loaded)).toBe(false);
  });

  it('changes nothing while read-only', () => {
    const { dispatch, state } = editor();
    const frozen = dispatch({ type: 'setReadOnly', readOnly: true }, { type: 'delete', keys: ['spring'] });
    expect(frozen.document).toBe(state.document);
    expect(dispatch({ type: 'select', keys: ['spring'] }).selection).toEqual(['spring']);
  });

  it('pastes what was copied under the selection, and forgets the open node once it is deleted', () => {
    const { dispatch } = editor();
    dispatch(
      { type: 'select', keys: ['spring-ad-1'] },
      { type: 'copy' },
      { type: 'select', keys: ['autumn-group'] },
    );
    const pasted = dispatch({ type: 'paste' });
    expect(pasted.document.nodes.at(-1)).toMatchObject({
      key: 'k1',
      parentKey: 'autumn-group',
      tiktokId: null,
    });
    dispatch({ type: 'open', key: 'k1' });
    expect(dispatch({ type: 'delete', keys: ['autumn'] }).openKey).toBeNull();
  });
});
