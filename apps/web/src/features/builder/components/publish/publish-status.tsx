import type { Publish, PublishItem } from '@whathead/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../../components/ui/button';
import { levelTitle } from '../../model/level-words';
import { GuardrailBreaches } from './guardrail-breaches';
import { PlanTree } from './plan-tree';
import {
  doneLine,
  failedFieldLabel,
  isItemFailure,
  itemStateText,
  outcomeLine,
  progressOf,
} from './publish-words';

interface PublishStatusProps {
  publish: Publish;
  currencyOf(advertiserId: string): string | null;
  /** Offered once a publish has failed items: publishes the saved draft again. */
  onRetry?(): void;
  retrying?: boolean;
  /** What a reviewer can do with a publish waiting for approval (the Publishes page). */
  review?: ReactNode;
}

/**
 * Where a publish stands: its progress while it runs, why it waits (a reconnect, a reviewer), its
 * outcome with each failure once over, and each item's own state under its changes.
 */
export function PublishStatus({
  publish,
  currencyOf,
  onRetry,
  retrying = false,
  review,
}: PublishStatusProps) {
  const failures = publish.items.filter(isItemFailure);
  return (
    <div className="publish-status">
      <div role="status" aria-live="polite" className="publish-status__headline">
        <Headline publish={publish} />
      </div>
      {publish.state === 'awaiting_approval' && (
        <GuardrailBreaches breaches={publish.guardrailBreaches}>
          It goes beyond the workspace’s publishing limits:
        </GuardrailBreaches>
      )}
      {review}
      {publish.state === 'failed' && failures.length > 0 && (
        <div className="publish-failures">
          <h3 className="publish-failures__title">What failed</h3>
          <ul className="publish-failures__list">
            {failures.map((item) => (
              <li key={item.key}>
                <span className="publish-failures__name">
                  {levelTitle(item.level)} “{item.name}”
                </span>
                <ItemState item={item} />
              </li>
            ))}
          </ul>
          {onRetry && (
            <div className="publish-failures__retry">
              <Button isLoading={retrying} onClick={onRetry}>
                Retry failed
              </Button>
              <p className="form__note">
                Publishes the saved draft again: what TikTok has now is left alone, so only what failed is
                sent. To fix a refusal first, close this and edit the draft.
              </p>
            </div>
          )}
        </div>
      )}
      <PlanTree
        items={publish.items}
        label="Where each item stands"
        currencyOf={currencyOf}
        detail={(item) => <ItemState item={item} />}
      />
    </div>
  );
}

function Headline({ publish }: { publish: Publish }) {
  const { done, total } = progressOf(publish);
  const bar = (
    <p className="publish-status__progress">
      <progress value={done} max={Math.max(total, 1)} aria-label="Publish progress" />
      <span>
        {done.toLocaleString()} of {total.toLocaleString()} sent
      </span>
    </p>
  );
  switch (publish.state) {
    case 'queued':
      return (
        <>
          <p className="publish-status__title">Queued: sending starts in a moment.</p>
          {bar}
        </>
      );
    case 'running':
      return (
        <>
          <p className="publish-status__title">Publishing to TikTok…</p>
          {bar}
        </>
      );
    case 'blocked':
      return (
        <>
          <div className="notice notice--warning">
            <p>{publish.blockedReason ?? 'TikTok no longer accepts the workspace’s connection.'}</p>
            <p>
              <Link to="/integrations">Reconnect in Integrations</Link>: the publish then goes on by itself
              from where it stopped.
            </p>
          </div>
          {bar}
        </>
      );
    case 'awaiting_approval':
      return (
        <p className="publish-status__title">
          Waiting for approval by another owner or admin
          {publish.requestedBy ? ` (asked for by ${publish.requestedBy.name})` : ''}.
        </p>
      );
    case 'rejected':
      return (
        <p className="publish-status__title">
          Rejected by {publish.reviewedBy?.name ?? 'a former member'}. Nothing was sent to TikTok.
        </p>
      );
    case 'succeeded':
      return <p className="publish-status__title">{outcomeLine(publish)}</p>;
    case 'failed': {
      const published = doneLine(publish);
      return (
        <>
          <p className="publish-status__title">{outcomeLine(publish)}</p>
          {published !== 'nothing to change' && <p>Published: {published}.</p>}
        </>
      );
    }
  }
}

/** "Created (TikTok ID …)", "Failed: … · Field: Budget". */
function ItemState({ item }: { item: PublishItem }) {
  const field = failedFieldLabel(item);
  return (
    <p className={`plan-tree__state plan-tree__state--${item.state}`}>
      {itemStateText(item)}
      {field && <span className="plan-tree__state-field"> · Field: {field}</span>}
    </p>
  );
}
