import { planPublish, validateDraft } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { springAndAutumn } from '../testing/draft-fixtures';
import { nodeStates, stateBadges } from './node-states';

describe('node states', () => {
  it('says in words what each node has: errors, paused, new, published or changed', () => {
    const document = springAndAutumn();
    const nodes = document.nodes.map((node) => {
      if (node.key === 'spring')
        return { ...node, settings: { ...node.settings, budget: 80, status: 'DISABLE' as const } };
      return node;
    }) as typeof document.nodes;
    const changed = { nodes };
    const accounts = new Map([['7200000000000000011', { name: 'Northwind US', currency: 'USD' }]]);
    const states = nodeStates(
      changed,
      validateDraft(changed, { now: Date.now(), accounts }),
      planPublish(changed),
    );

    const spring = stateBadges(states.get('spring')!).map((badge) => badge.text);
    expect(spring).toContain('Paused');
    expect(spring).toContain('Changed');
    expect(stateBadges(states.get('autumn')!).map((badge) => badge.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+ errors?$/), 'New']),
    );
    expect(states.get('spring-group')!.lifecycle).toBe('published');
  });
});
