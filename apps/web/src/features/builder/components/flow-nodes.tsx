import type { DraftLevel } from '@whathead/contracts';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { classNames } from '../../../lib/class-names';
import { levelTitle } from '../model/level-words';
import type { StateBadge } from '../model/node-states';

export interface DraftFlowData extends Record<string, unknown> {
  level: DraftLevel;
  title: string;
  /** Key settings, a line each (components/node-summary.ts). */
  summary: string[];
  badges: StateBadge[];
  hasErrors: boolean;
}

export type DraftFlowNode = Node<DraftFlowData, DraftLevel>;

/**
 * A node's card: its level, name, key settings and state in words. A handle on the left takes a
 * parent (drag a parent's right handle to it to move it there); the right one gives children.
 */
function NodeCard({
  data,
  selected,
  accepts,
  gives,
}: NodeProps<DraftFlowNode> & { accepts: boolean; gives: boolean }) {
  return (
    <div
      className={classNames(
        'flow-node',
        `flow-node--${data.level}`,
        selected && 'flow-node--selected',
        data.hasErrors && 'flow-node--invalid',
      )}
    >
      {accepts && <Handle type="target" position={Position.Left} className="flow-node__handle" />}
      <div className="flow-node__level">{levelTitle(data.level)}</div>
      <div className="flow-node__name" title={data.title}>
        {data.title}
      </div>
      {data.summary.map((line) => (
        <div key={line} className="flow-node__summary" title={line}>
          {line}
        </div>
      ))}
      <div className="flow-node__badges">
        {data.badges.map((badge) => (
          <span key={badge.text} className={`state-badge state-badge--${badge.tone}`}>
            {badge.text}
          </span>
        ))}
      </div>
      {gives && <Handle type="source" position={Position.Right} className="flow-node__handle" />}
    </div>
  );
}

const CampaignFlowNode = (props: NodeProps<DraftFlowNode>) => <NodeCard {...props} accepts={false} gives />;
const AdGroupFlowNode = (props: NodeProps<DraftFlowNode>) => <NodeCard {...props} accepts gives />;
const AdFlowNode = (props: NodeProps<DraftFlowNode>) => <NodeCard {...props} accepts gives={false} />;

/** One component per level; outside any component, so React Flow sees the same types each render. */
export const flowNodeTypes = { campaign: CampaignFlowNode, adgroup: AdGroupFlowNode, ad: AdFlowNode };
