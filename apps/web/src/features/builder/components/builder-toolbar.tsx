import { nodeTitle, type DraftTree } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { PlusIcon } from '../../../components/ui/icons';
import { SelectField } from '../../../components/ui/select-field';
import type { BuilderAction, BuilderActionId } from '../hooks/use-builder-actions';
import { levelTitle } from '../model/level-words';
import { validParents } from '../model/reparent';

interface BuilderToolbarProps {
  actions: Record<BuilderActionId, BuilderAction>;
  tree: DraftTree;
  selection: readonly string[];
  readOnly: boolean;
  onMoveTo(parentKey: string): void;
  /** The issue summary and Publish, at the bar's end. */
  publish: ReactNode;
}

const groups: BuilderActionId[][] = [
  ['addCampaign', 'addAdGroup', 'addAd'],
  ['copy', 'paste', 'duplicate', 'delete'],
  ['selectExisting', 'expand'],
  ['tidy', 'undo', 'redo'],
];

const adds = new Set<BuilderActionId>(['addCampaign', 'addAdGroup', 'addAd']);

/** Every action of the builder as a button; one that can't be done now says why (as its description). */
export function BuilderToolbar({
  actions,
  tree,
  selection,
  readOnly,
  onMoveTo,
  publish,
}: BuilderToolbarProps) {
  const parents = validParents(tree, selection);
  return (
    <div className="builder-toolbar" role="group" aria-label="Draft actions">
      {groups.map((group) => (
        <div key={group.join()} className="builder-toolbar__group">
          {group.map((id) => (
            <ActionButton key={id} action={actions[id]} add={adds.has(id)} />
          ))}
        </div>
      ))}
      <SelectField
        inline
        label="Move to"
        className="builder-toolbar__move"
        value=""
        disabled={readOnly || parents.length === 0}
        title={
          parents.length === 0
            ? 'Select ad groups to move to another campaign, or ads to move to another ad group.'
            : undefined
        }
        onChange={(event) => event.target.value && onMoveTo(event.target.value)}
      >
        <option value="">Choose…</option>
        {parents.map((parent) => (
          <option key={parent.key} value={parent.key}>
            {levelTitle(parent.level)} “{nodeTitle(parent)}”
          </option>
        ))}
      </SelectField>
      <div className="builder-toolbar__end">{publish}</div>
    </div>
  );
}

function ActionButton({ action, add }: { action: BuilderAction; add: boolean }) {
  const what = action.description ?? action.label;
  const hint =
    action.disabledReason ?? (action.shortcut ? `${what} (${action.shortcut})` : action.description);
  return (
    <Button
      size="small"
      variant={add ? 'secondary' : 'ghost'}
      icon={add ? <PlusIcon size={16} /> : undefined}
      aria-disabled={action.disabledReason !== null || undefined}
      aria-keyshortcuts={action.shortcut?.replace('Ctrl', 'Control')}
      aria-label={add ? `Add ${action.label.toLowerCase()}` : undefined}
      title={hint}
      onClick={action.run}
    >
      {action.label}
    </Button>
  );
}
