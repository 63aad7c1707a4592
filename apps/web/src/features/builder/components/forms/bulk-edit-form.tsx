import {
  adFieldLabels,
  adGroupFieldLabels,
  levelWords,
  type DraftLevel,
  type DraftNode,
  type DraftTree,
} from '@whathead/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../../components/ui/button';
import { SelectField } from '../../../../components/ui/select-field';
import { StatusMessage } from '../../../../components/ui/status-message';
import { useActiveWorkspace } from '../../../../lib/session';
import { applyBulkChange, bulkFields, skippedByChange, type BulkField } from '../../model/bulk-edit';
import { BulkChangeFields } from './bulk-change-fields';
import { emptyBulkDraft, readBulkChange, type BulkDraft } from './bulk-change-input';
import './node-form.css';

export interface BulkEditFormProps {
  nodes: DraftNode[];
  tree: DraftTree;
  readOnly: boolean;
  onApply(next: DraftNode[]): void;
}

const bulkFieldLabels: Record<BulkField, string> = {
  budget: 'Budget',
  status: 'Status',
  scheduleEnd: adGroupFieldLabels.scheduleEnd,
  locations: adGroupFieldLabels.locations,
  callToAction: adFieldLabels.callToAction,
  landingPageUrl: adFieldLabels.landingPageUrl,
  adText: adFieldLabels.adText,
  identity: adFieldLabels.identity,
};

const count = (number: number, level: DraftLevel) =>
  `${number} ${number === 1 ? levelWords[level].one : levelWords[level].many}`;

/**
 * One change to several campaigns, ad groups or ads at once: only what makes sense for many
 * (budget, status, an end date, the ads' words and identity). Each keeps its other values; the
 * change goes to `onApply` as the updated nodes, and what it could not apply to is said.
 */
export function BulkEditForm({ nodes, tree, readOnly, onApply }: BulkEditFormProps) {
  const levels = [...new Set(nodes.map((node) => node.level))];
  if (nodes.length === 0) return null;
  if (levels.length > 1) {
    return (
      <p className="builder-form__note">
        Choose campaigns, ad groups or ads of one level to change them together.
      </p>
    );
  }
  // A new selection starts a new edit: nothing typed for other nodes, no outcome of another apply.
  const selection = nodes.map((node) => node.key).join(' ');
  return (
    <OneLevelBulkEdit
      key={selection}
      level={levels[0]!}
      nodes={nodes}
      tree={tree}
      readOnly={readOnly}
      onApply={onApply}
    />
  );
}

function OneLevelBulkEdit({
  level,
  nodes,
  tree,
  readOnly,
  onApply,
}: BulkEditFormProps & { level: DraftLevel }) {
  const workspace = useActiveWorkspace();
  const fields = bulkFields[level];
  const [field, setField] = useState<BulkField>(fields[0]!);
  const [draft, setDraft] = useState<BulkDraft>(emptyBulkDraft);
  const [error, setError] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState('');
  const accounts = new Set(nodes.map((node) => tree.campaignOf(node)?.advertiserId ?? null));
  const advertiserId = accounts.size === 1 ? [...accounts][0]! : null;
  const title = `Editing ${count(nodes.length, level)}`;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (readOnly) return;
    const read = readBulkChange(field, draft);
    if ('error' in read) {
      setError(read.error);
      setOutcome('');
      return;
    }
    const skipped = skippedByChange(nodes, read.change, tree);
    onApply(applyBulkChange(nodes, read.change, tree));
    setError(undefined);
    setOutcome(outcomeWords(nodes.length - skipped.length, skipped.length, level));
  };

  return (
    <form className="builder-form" aria-label={title} noValidate onSubmit={apply}>
      <p className="builder-form__title">{title}</p>
      <SelectField
        label="Change"
        value={field}
        disabled={readOnly}
        onChange={(event) => {
          setField(event.target.value as BulkField);
          setError(undefined);
          setOutcome('');
        }}
      >
        {fields.map((each) => (
          <option key={each} value={each}>
            {bulkFieldLabels[each]}
          </option>
        ))}
      </SelectField>
      <BulkChangeFields
        field={field}
        draft={draft}
        onDraft={(next) => {
          setDraft(next);
          setOutcome('');
        }}
        error={error}
        disabled={readOnly}
        catalog={{ workspaceId: workspace?.id ?? '', advertiserId: workspace ? advertiserId : null }}
      />
      <div className="button-row">
        <Button type="submit" aria-disabled={readOnly || undefined}>
          Apply to {count(nodes.length, level)}
        </Button>
      </div>
      <StatusMessage tone="success">{outcome}</StatusMessage>
    </form>
  );
}

function outcomeWords(changed: number, skipped: number, level: DraftLevel): string {
  const done = `Changed ${count(changed, level)}.`;
  if (skipped === 0) return done;
  const [was, has, own] = skipped === 1 ? ['it was', 'it has', 'its'] : ['they were', 'they have', 'their'];
  return `${done} ${count(skipped, level)} left as ${was}: ${has} no budget of ${own} own to change.`;
}
