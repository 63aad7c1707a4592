import { nodeTitle, type DraftTree } from '@whathead/contracts';
import type { Edge } from '@xyflow/react';
import { stateBadges, type NodeState } from '../model/node-states';
import type { Position } from '../model/tree-edits';
import type { DraftFlowNode } from './flow-nodes';
import { nodeSummary } from './node-summary';

interface FlowInput {
  tree: DraftTree;
  layout: ReadonlyMap<string, Position>;
  states: ReadonlyMap<string, NodeState>;
  selection: ReadonlySet<string>;
  currencyOf(advertiserId: string): string | null;
}

/** The draft as React Flow's nodes: laid out, with each one's summary and state. */
export function flowNodesOf({ tree, layout, states, selection, currencyOf }: FlowInput): DraftFlowNode[] {
  return tree.nodes.map((node) => {
    const state = states.get(node.key);
    return {
      id: node.key,
      type: node.level,
      position: layout.get(node.key) ?? { x: 0, y: 0 },
      selected: selection.has(node.key),
      data: {
        level: node.level,
        title: nodeTitle(node),
        summary: nodeSummary(node, tree, currencyOf),
        badges: state ? stateBadges(state) : [],
        hasErrors: (state?.errors ?? 0) > 0,
      },
    };
  });
}

/** A line from each parent to each of its children. */
export function flowEdgesOf(tree: DraftTree): Edge[] {
  return tree.nodes.flatMap((node) =>
    node.parentKey !== null && tree.byKey.has(node.parentKey)
      ? [
          {
            id: `${node.parentKey}->${node.key}`,
            source: node.parentKey,
            target: node.key,
            type: 'smoothstep',
            selectable: false,
            focusable: false,
          },
        ]
      : [],
  );
}

/**
 * The nodes to hand React Flow after the draft changed: the new ones, keeping the sizes React
 * Flow measured (without them it measures every node again) and, mid-drag, where the node is.
 */
export function mergeFlowNodes(next: DraftFlowNode[], current: readonly DraftFlowNode[]): DraftFlowNode[] {
  const byId = new Map(current.map((node) => [node.id, node]));
  return next.map((node) => {
    const before = byId.get(node.id);
    if (!before) return node;
    return {
      ...node,
      measured: before.measured,
      ...(before.dragging ? { position: before.position, dragging: true } : {}),
    };
  });
}
