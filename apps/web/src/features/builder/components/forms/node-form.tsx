import type { DraftIssue, DraftNode, DraftTree } from '@whathead/contracts';
import { AdForm } from './ad-form';
import { AdGroupForm } from './ad-group-form';
import { CampaignForm } from './campaign-form';

/** An ad account of the workspace, as the forms show it (name, and budgets' currency). */
export interface BuilderAccount {
  advertiserId: string;
  name: string;
  currency: string | null;
}

export interface NodeFormProps {
  node: DraftNode;
  tree: DraftTree;
  accounts: BuilderAccount[];
  /** `validateDraft`'s issues; those of other nodes are left out here. */
  issues: DraftIssue[];
  readOnly: boolean;
  onChange(next: DraftNode): void;
}

/**
 * The settings form of the node chosen on the canvas, for its level. Each change goes to
 * `onChange` as the whole node at once; errors come from the node's `issues` and from the
 * settings' own shape. Keyed by the node, so choosing another node starts its form afresh.
 */
export function NodeForm({ node, tree, accounts, issues, readOnly, onChange }: NodeFormProps) {
  const own = issues.filter((issue) => issue.key === node.key);
  switch (node.level) {
    case 'campaign':
      return (
        <CampaignForm
          key={node.key}
          node={node}
          accounts={accounts}
          issues={own}
          readOnly={readOnly}
          onChange={onChange}
        />
      );
    case 'adgroup':
      return (
        <AdGroupForm
          key={node.key}
          node={node}
          tree={tree}
          accounts={accounts}
          issues={own}
          readOnly={readOnly}
          onChange={onChange}
        />
      );
    case 'ad':
      return (
        <AdForm key={node.key} node={node} tree={tree} issues={own} readOnly={readOnly} onChange={onChange} />
      );
  }
}
