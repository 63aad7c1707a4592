import { fieldLabel, type Publish, type PublishPreview } from '@whathead/contracts';
import { Button } from '../../../../components/ui/button';
import { FormAlert } from '../../../../components/ui/form-alert';
import { Spinner } from '../../../../components/ui/spinner';
import { isApiError } from '../../../../lib/api-error';
import { messageForError } from '../../../../lib/error-messages';
import { usePublishPreview } from '../../api/publish-preview';
import { useStartPublish } from '../../api/publish-start';
import { levelTitle } from '../../model/level-words';
import { GuardrailBreaches } from './guardrail-breaches';
import { PlanTree } from './plan-tree';
import { changesOf, countsLine, publishLabel } from './publish-words';
import { StartFailure } from './start-failure';

interface PublishPreviewStepProps {
  workspaceId: string;
  draftId: string;
  version: number;
  currencyOf(advertiserId: string): string | null;
  onCancel(): void;
  onStarted(publish: Publish): void;
  /** Offered when the server has a newer version than the one this tab previews. */
  onNewerVersion?: (() => void) | undefined;
}

/**
 * What Publish would do, as the server plans it from the saved version: how many items it
 * creates, updates and leaves alone, each item with its changes, what to look at first
 * (warnings), and whether a guardrail holds it for a second owner or admin.
 */
export function PublishPreviewStep({
  workspaceId,
  draftId,
  version,
  currencyOf,
  onCancel,
  onStarted,
  onNewerVersion,
}: PublishPreviewStepProps) {
  const preview = usePublishPreview(workspaceId, draftId, version);
  const start = useStartPublish(workspaceId, draftId);

  if (preview.isPending) {
    return (
      <p className="loading-line" role="status">
        <Spinner /> Checking what this publish would change…
      </p>
    );
  }
  if (preview.isError) {
    const newer = onNewerVersion && isApiError(preview.error) && preview.error.code === 'draft_conflict';
    return (
      <>
        <FormAlert>{messageForError(preview.error)}</FormAlert>
        <div className="form__actions">
          <Button variant="secondary" onClick={onCancel}>
            Close
          </Button>
          {newer && <Button onClick={onNewerVersion}>See the newer version</Button>}
        </div>
      </>
    );
  }

  const { counts, guardrailBreaches: breaches } = preview.data;
  const changes = changesOf(counts);
  const errors = preview.data.issues.filter((issue) => issue.severity === 'error');
  const warnings = preview.data.issues.filter((issue) => issue.severity === 'warning');
  const blocked = changes === 0 || errors.length > 0;
  return (
    <div className="publish-preview">
      <p className="publish-preview__counts">{countsLine(counts)}</p>
      {changes === 0 && <p className="notice">Nothing to publish — TikTok already has all of this.</p>}
      {errors.length > 0 && (
        <FormAlert>
          <p>{errors.length === 1 ? 'Fix this error first:' : `Fix these ${errors.length} errors first:`}</p>
          <IssueList issues={errors} preview={preview.data} />
        </FormAlert>
      )}
      {warnings.length > 0 && (
        <div className="notice notice--warning">
          <p>{warnings.length === 1 ? 'Check this before publishing:' : 'Check these before publishing:'}</p>
          <IssueList issues={warnings} preview={preview.data} />
        </div>
      )}
      <GuardrailBreaches breaches={breaches}>
        This publish needs approval by another owner or admin:
      </GuardrailBreaches>
      <PlanTree items={preview.data.items} label="What this publish does" currencyOf={currencyOf} />
      <StartFailure error={start.error} />
      <div className="form__actions">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          aria-disabled={blocked || undefined}
          isLoading={start.isPending}
          onClick={() => start.mutate(preview.data.version, { onSuccess: onStarted })}
        >
          {breaches.length > 0 ? 'Request approval' : publishLabel(changes)}
        </Button>
      </div>
    </div>
  );
}

type Issue = PublishPreview['issues'][number];

/** Each issue with the item and field it is about: "Ad group “US” · Budget: …". */
function IssueList({ issues, preview }: { issues: Issue[]; preview: PublishPreview }) {
  const items = new Map(preview.items.map((item) => [item.key, item]));
  return (
    <ul className="publish-preview__issues">
      {issues.map((issue, index) => {
        const item = items.get(issue.key);
        const where = item ? `${levelTitle(item.level)} “${item.name}”` : 'Draft';
        const field = issue.field && item ? ` · ${fieldLabel(item.level, issue.field)}` : '';
        return (
          <li key={`${issue.key}:${issue.field ?? ''}:${index}`}>{`${where}${field}: ${issue.message}`}</li>
        );
      })}
    </ul>
  );
}
