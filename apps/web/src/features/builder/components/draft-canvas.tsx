import type { DraftDocument, DraftTree } from '@whathead/contracts';
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type FinalConnectionState,
  type NodeChange,
  useStoreApi,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { NodeState } from '../model/node-states';
import { reparentRefusal } from '../model/reparent';
import type { Position } from '../model/tree-edits';
import { layoutDraft, nodeSize } from '../model/tree-layout';
import { flowEdgesOf, flowNodesOf, mergeFlowNodes } from './flow-elements';
import { flowNodeTypes, type DraftFlowNode } from './flow-nodes';
import './draft-canvas.css';

export interface CanvasFocus {
  /** The node to bring into view, or null for the whole draft. */
  key: string | null;
  /** Changes each time, so asking for the same node again still moves the view. */
  request: number;
}

interface DraftCanvasProps {
  document: DraftDocument;
  tree: DraftTree;
  states: ReadonlyMap<string, NodeState>;
  selection: readonly string[];
  readOnly: boolean;
  currencyOf(advertiserId: string): string | null;
  focus: CanvasFocus;
  onSelect(keys: string[]): void;
  onOpen(key: string): void;
  onMove(positions: Map<string, Position>): void;
  onReparent(childKey: string, parentKey: string): void;
  /** Why a connection was refused, for the builder's message line. */
  onRefuse(message: string): void;
}

/** The draft drawn as a tree: zoom and pan, select (Shift-click, Shift-drag a box), drag, connect to move. */
export function DraftCanvas(props: DraftCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({
  document,
  tree,
  states,
  selection,
  readOnly,
  currencyOf,
  focus,
  onSelect,
  onOpen,
  onMove,
  onReparent,
  onRefuse,
}: DraftCanvasProps) {
  const layout = useMemo(() => layoutDraft(document), [document]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const derived = useMemo(
    () => flowNodesOf({ tree, layout, states, selection: selected, currencyOf }),
    [tree, layout, states, selected, currencyOf],
  );
  const edges = useMemo<Edge[]>(() => flowEdgesOf(tree), [tree]);

  // React Flow measures its nodes and moves them while dragging: it needs nodes it can change.
  // They follow the draft whenever it changes, keeping what React Flow measured.
  const [nodes, setNodes] = useState(derived);
  const [shown, setShown] = useState(derived);
  if (shown !== derived) {
    setShown(derived);
    setNodes(mergeFlowNodes(derived, nodes));
  }

  const onNodesChange = (changes: NodeChange<DraftFlowNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
    const selects = changes.filter((change) => change.type === 'select');
    if (selects.length === 0) return;
    const next = new Set(selection);
    for (const change of selects) {
      if (change.selected) next.add(change.id);
      else next.delete(change.id);
    }
    if (next.size !== selected.size || [...next].some((key) => !selected.has(key))) onSelect([...next]);
  };

  const isValidConnection = (connection: Connection | Edge) => {
    const child = tree.byKey.get(connection.target);
    return child !== undefined && reparentRefusal(tree, child, tree.byKey.get(connection.source)) === null;
  };
  const onConnectEnd = (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.isValid !== false || !state.toNode || !state.fromHandle) return;
    const fromChild = state.fromHandle.type === 'target';
    const child = tree.byKey.get(fromChild ? state.fromNode.id : state.toNode.id);
    const parent = tree.byKey.get(fromChild ? state.toNode.id : state.fromNode.id);
    const refusal = child && reparentRefusal(tree, child, parent);
    if (refusal) onRefuse(refusal);
  };

  // Enter on a focused node opens it, as a double click does (React Flow's own Enter selects it).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.target instanceof HTMLElement)) return;
    const key = event.target.closest<HTMLElement>('.react-flow__node')?.dataset.id;
    if (key) onOpen(key);
  };

  return (
    <div className="draft-canvas" onKeyDown={onKeyDown}>
      <ReactFlow<DraftFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={flowNodeTypes}
        onNodesChange={onNodesChange}
        onNodeDoubleClick={(_event, node) => onOpen(node.id)}
        onNodeDragStop={(_event, _node, dragged) =>
          onMove(new Map(dragged.map((node) => [node.id, { x: node.position.x, y: node.position.y }])))
        }
        onConnect={(connection) => onReparent(connection.target, connection.source)}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements
        minZoom={0.1}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable ariaLabel="Overview of the draft" style={{ width: 160, height: 110 }} />
        <FocusOnRequest focus={focus} />
        <RevealAdded tree={tree} />
      </ReactFlow>
    </div>
  );
}

/** Brings the node asked for into view (an issue clicked, a node opened from the outline), or all. */
function FocusOnRequest({ focus }: { focus: CanvasFocus }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (focus.request === 0) return;
    // After React Flow has the nodes the same change brought (a Tidy up, a paste).
    const frame = window.requestAnimationFrame(() => {
      void fitView({
        nodes: focus.key ? [{ id: focus.key }] : undefined,
        maxZoom: 1,
        duration: 200,
      });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [focus, fitView]);
  return null;
}

/**
 * Brings nodes just added (+ Ad group, Paste, Select existing) into view when any of them would
 * land outside it, so what an action made is never off screen; the view stays put otherwise.
 */
function RevealAdded({ tree }: { tree: DraftTree }) {
  const { fitView, getInternalNode } = useReactFlow();
  const store = useStoreApi();
  const known = useRef<ReadonlySet<string> | null>(null);
  useEffect(() => {
    const before = known.current;
    known.current = new Set(tree.byKey.keys());
    const added = before ? tree.nodes.filter((node) => !before.has(node.key)).map((node) => node.key) : [];
    if (added.length === 0) return;
    const frame = window.requestAnimationFrame(() => {
      const {
        width,
        height,
        transform: [x, y, zoom],
      } = store.getState();
      const outside = added.some((key) => {
        const position = getInternalNode(key)?.internals.positionAbsolute;
        if (!position) return false;
        const left = position.x * zoom + x;
        const top = position.y * zoom + y;
        return (
          left < 0 || top < 0 || left + nodeSize.width * zoom > width || top + nodeSize.height * zoom > height
        );
      });
      if (outside) void fitView({ nodes: added.map((id) => ({ id })), maxZoom: 1, duration: 200 });
    });
    return () => window.cancelAnimationFrame(frame);
  }, [tree, fitView, getInternalNode, store]);
  return null;
}
