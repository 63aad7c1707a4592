import { describe, expect, it } from 'vitest';
import { countingKeys, springAndAutumn } from '../testing/draft-fixtures';
import { copyNodes, duplicateNodes, pasteNodes } from './clipboard';

describe('copy and paste', () => {
  it('pastes a copied ad group with its ads under the selected campaign, as new nodes', () => {
    const document = springAndAutumn();
    const clipboard = copyNodes(document, ['spring-group'])!;
    const outcome = pasteNodes(document, clipboard, ['autumn'], countingKeys());

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const pasted = outcome.document.nodes.slice(document.nodes.length);
    expect(pasted.map((node) => [node.key, node.parentKey, node.settings.name])).toEqual([
      ['k1', 'autumn', 'Ad group spring-group (copy)'],
      ['k2', 'k1', 'Ad spring-ad-1'],
      ['k3', 'k1', 'Ad spring-ad-2'],
    ]);
    // Copies are new at TikTok: no id, nothing published, and placed by the layout.
    for (const node of pasted)
      expect([node.tiktokId, node.published, node.position]).toEqual([null, null, null]);
    expect(outcome.selection).toEqual(['k1']);
    // The original is untouched.
    expect(outcome.document.nodes.slice(0, document.nodes.length)).toEqual(document.nodes);
  });

  it('pastes copied campaigns as new campaigns, whatever is selected', () => {
    const document = springAndAutumn();
    const clipboard = copyNodes(document, ['spring'])!;
    const outcome = pasteNodes(document, clipboard, ['autumn-group'], countingKeys());
    expect(
      outcome.ok && outcome.document.nodes.slice(document.nodes.length).map((node) => node.parentKey),
    ).toEqual([null, 'k1', 'k2', 'k2']);
  });

  it('pastes an ad into each selected ad group, and says where to select when nothing fits', () => {
    const document = springAndAutumn();
    const clipboard = copyNodes(document, ['spring-ad-1'])!;
    const into = pasteNodes(document, clipboard, ['autumn-group', 'spring-ad-2'], countingKeys());
    expect(into.ok && into.document.nodes.slice(document.nodes.length).map((node) => node.parentKey)).toEqual(
      ['autumn-group', 'spring-group'],
    );
    expect(pasteNodes(document, clipboard, ['autumn'], countingKeys())).toEqual({
      ok: false,
      message: 'Select an ad group to paste the ads into.',
    });
  });

  it('copies what was there when copied, not what it became after', () => {
    const document = springAndAutumn();
    const clipboard = copyNodes(document, ['spring-ad-1'])!;
    const renamed = {
      nodes: document.nodes.map((node) =>
        node.key === 'spring-ad-1' ? { ...node, settings: { ...node.settings, name: 'Renamed' } } : node,
      ),
    } as typeof document;
    const outcome = pasteNodes(renamed, clipboard, ['autumn-group'], countingKeys());
    expect(outcome.ok && outcome.document.nodes.at(-1)?.settings.name).toBe('Ad spring-ad-1 (copy)');
  });
});

describe('duplicate', () => {
  it('puts a copy of each selected subtree beside it, once when a parent and its child are both selected', () => {
    const document = springAndAutumn();
    const outcome = duplicateNodes(document, ['spring-group', 'spring-ad-1'], countingKeys());
    expect(
      outcome.ok &&
        outcome.document.nodes
          .slice(document.nodes.length)
          .map((node) => [node.key, node.parentKey, node.tiktokId]),
    ).toEqual([
      ['k1', 'spring', null],
      ['k2', 'k1', null],
      ['k3', 'k1', null],
    ]);
  });
});
