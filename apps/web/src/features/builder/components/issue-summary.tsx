import { blockingIssues, describeIssue, type DraftIssue, type DraftTree } from '@whathead/contracts';
import { Popover } from '../../../components/ui/popover';

/** Enough to start on; the outline and each node's badges show the rest. */
const issuesListed = 5;

interface IssueSummaryProps {
  issues: readonly DraftIssue[];
  tree: DraftTree;
  /** Opens the node an issue is about (its form, in the side panel). */
  onOpen(key: string): void;
}

/**
 * Why Publish can't go ahead yet: "3 errors", opening the first few, each naming its node and
 * field ("Ad group “Spring” · Budget: …") and opening that node when chosen.
 */
export function IssueSummary({ issues, tree, onOpen }: IssueSummaryProps) {
  const errors = blockingIssues(issues);
  const warnings = issues.length - errors.length;
  if (issues.length === 0) return null;
  const counted =
    errors.length > 0
      ? `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`
      : `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  // Errors first: they are what holds the publish.
  const listed = [...errors, ...issues.filter((issue) => issue.severity === 'warning')].slice(
    0,
    issuesListed,
  );
  return (
    <Popover
      trigger={
        <span className={errors.length > 0 ? 'issue-summary__count--error' : undefined}>{counted}</span>
      }
      title="What to fix before publishing"
      align="end"
      className="issue-summary"
    >
      {(close) => (
        <div className="issue-summary__panel">
          <p className="issue-summary__heading">
            {errors.length > 0
              ? `${counted} to fix before publishing${warnings > 0 ? `, and ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}.`
              : `${counted}: publishing can go ahead.`}
          </p>
          <ul className="issue-summary__list">
            {listed.map((issue, index) => (
              <li key={`${issue.key}:${issue.field}:${index}`}>
                <button
                  type="button"
                  className="issue-summary__issue"
                  onClick={() => {
                    close();
                    onOpen(issue.key);
                  }}
                >
                  <span className="visually-hidden">
                    {issue.severity === 'error' ? 'Error:' : 'Warning:'}
                  </span>{' '}
                  {describeIssue(issue, tree.byKey.get(issue.key))}
                </button>
              </li>
            ))}
          </ul>
          {issues.length > listed.length && (
            <p className="issue-summary__more">
              and {issues.length - listed.length} more, marked in the outline.
            </p>
          )}
        </div>
      )}
    </Popover>
  );
}

/** The first issues in a line, for Publish's tooltip: "3 errors: Ad group “Spring” · Budget: …". */
export function issueLine(issues: readonly DraftIssue[], tree: DraftTree): string | undefined {
  const errors = blockingIssues(issues);
  if (errors.length === 0) return undefined;
  const first = errors
    .slice(0, 2)
    .map((issue) => describeIssue(issue, tree.byKey.get(issue.key)))
    .join(' ');
  return `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}: ${first}${errors.length > 2 ? ' …' : ''}`;
}
