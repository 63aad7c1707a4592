import type { DraftDocument, DraftIssue, PublishAction, PublishPlan } from '@whathead/contracts';

/** What a publish would make of the node: created, updated, or left as TikTok has it. */
export type Lifecycle = 'new' | 'changed' | 'published';

const lifecycleOf: Record<PublishAction, Lifecycle> = { create: 'new', update: 'changed', skip: 'published' };

export interface NodeState {
  issues: DraftIssue[];
  errors: number;
  warnings: number;
  /** Its status is DISABLE: published, it won't deliver. */
  paused: boolean;
  lifecycle: Lifecycle;
}

/** Each node's badges, from the rules' issues and the publish plan (both from the contracts). */
export function nodeStates(
  document: DraftDocument,
  issues: readonly DraftIssue[],
  plan: PublishPlan,
): Map<string, NodeState> {
  const actions = new Map(plan.items.map((item) => [item.key, item.action]));
  const states = new Map<string, NodeState>();
  for (const node of document.nodes) {
    const action = actions.get(node.key);
    states.set(node.key, {
      issues: [],
      errors: 0,
      warnings: 0,
      paused: node.settings.status === 'DISABLE',
      lifecycle: action ? lifecycleOf[action] : node.tiktokId ? 'published' : 'new',
    });
  }
  for (const issue of issues) {
    const state = states.get(issue.key);
    if (!state) continue;
    state.issues.push(issue);
    if (issue.severity === 'error') state.errors += 1;
    else state.warnings += 1;
  }
  return states;
}

export interface StateBadge {
  tone: 'danger' | 'warning' | 'neutral' | 'accent' | 'success';
  text: string;
}

const lifecycleBadges: Record<Lifecycle, StateBadge> = {
  new: { tone: 'accent', text: 'New' },
  changed: { tone: 'warning', text: 'Changed' },
  published: { tone: 'success', text: 'Published' },
};

/** The state in words, so colour is never the only sign: "2 errors", "Paused", "New". */
export function stateBadges(state: NodeState): StateBadge[] {
  const badges: StateBadge[] = [];
  if (state.errors > 0)
    badges.push({ tone: 'danger', text: `${state.errors} ${state.errors === 1 ? 'error' : 'errors'}` });
  if (state.warnings > 0)
    badges.push({
      tone: 'warning',
      text: `${state.warnings} ${state.warnings === 1 ? 'warning' : 'warnings'}`,
    });
  if (state.paused) badges.push({ tone: 'neutral', text: 'Paused' });
  badges.push(lifecycleBadges[state.lifecycle]);
  return badges;
}
