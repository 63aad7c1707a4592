import type { PublishPreview } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { levelTitle } from '../../model/level-words';
import { formatChangeValue } from './change-values';
import { actionLabels } from './publish-words';

/** An item of a preview or of a publish: both carry the plan's fields. */
export type PlanTreeItem = PublishPreview['items'][number];

interface PlanTreeProps<Item extends PlanTreeItem> {
  items: readonly Item[];
  /** Names the list for assistive technology. */
  label: string;
  currencyOf(advertiserId: string): string | null;
  /** More about an item under its changes, such as where its publish stands. */
  detail?(item: Item): ReactNode;
}

/**
 * What a publish does, campaign by campaign: each item with its action as a word (Create, Update,
 * Skip), and for an update each changed field "Budget: 500.00 → 750.00". The plan lists parents
 * before children; an item whose parent is not in the plan starts a group of its own.
 */
export function PlanTree<Item extends PlanTreeItem>({
  items,
  label,
  currencyOf,
  detail,
}: PlanTreeProps<Item>) {
  const keys = new Set(items.map((item) => item.key));
  const children = new Map<string | null, Item[]>();
  for (const item of items) {
    const parent = item.parentKey !== null && keys.has(item.parentKey) ? item.parentKey : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const branch = (parent: string | null): ReactNode => (
    <ul className="plan-tree__group">
      {(children.get(parent) ?? []).map((item) => (
        <li key={item.key} className="plan-tree__item">
          <PlanRow item={item} currency={currencyOf(item.advertiserId)} />
          {detail?.(item)}
          {children.has(item.key) && branch(item.key)}
        </li>
      ))}
    </ul>
  );
  return (
    <div className="plan-tree" role="group" aria-label={label}>
      {branch(null)}
    </div>
  );
}

function PlanRow({ item, currency }: { item: PlanTreeItem; currency: string | null }) {
  return (
    <>
      <div className="plan-tree__row">
        <span className={`plan-badge plan-badge--${item.action}`}>{actionLabels[item.action]}</span>
        <span className="plan-tree__level">{levelTitle(item.level)}</span>
        <span className="plan-tree__name">{item.name}</span>
      </div>
      {item.action === 'update' && item.changes.length > 0 && (
        <ul className="plan-tree__changes" aria-label={`Changes to ${item.name}`}>
          {item.changes.map((change) => (
            <li key={change.field}>
              <span className="plan-tree__field">{change.label}:</span>{' '}
              {formatChangeValue(change.field, change.before, currency)} →{' '}
              {formatChangeValue(change.field, change.after, currency)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
