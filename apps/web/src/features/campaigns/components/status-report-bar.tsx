import { Button } from '../../../components/ui/button';
import { AlertIcon, CloseIcon } from '../../../components/ui/icons';
import type { RowOutcome, StatusReport } from '../hooks/status-report';

interface StatusReportBarProps {
  report: StatusReport;
  isRetrying: boolean;
  onRetry: () => void;
  onDismiss: () => void;
}

/**
 * After a Turn on, Turn off or Delete that didn't change every row: how many did, which didn't
 * and why, and Retry failed, which sends only the rows that failed. Rows changed in TikTok
 * meanwhile are the conflict dialog's, not this summary's.
 */
export function StatusReportBar({ report, isRetrying, onRetry, onDismiss }: StatusReportBarProps) {
  const { failed, skipped } = report;
  return (
    <div className="status-report" role="group" aria-label="Result of the last change">
      <AlertIcon />
      <div className="status-report__text">
        <p>
          <strong>
            {report.changed} of {report.total} changed.
          </strong>
          {failed.length > 0 && ` ${failed.length} failed:`}
        </p>
        <Outcomes outcomes={failed} />
        {skipped.length > 0 && <p>{skipped.length} not changed:</p>}
        <Outcomes outcomes={skipped} />
      </div>
      <div className="status-report__actions">
        {failed.length > 0 && (
          <Button variant="secondary" size="small" isLoading={isRetrying} onClick={onRetry}>
            Retry failed
          </Button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Dismiss"
          title="Dismiss"
          onClick={onDismiss}
        >
          <CloseIcon size={16} />
        </button>
      </div>
    </div>
  );
}

function Outcomes({ outcomes }: { outcomes: readonly RowOutcome[] }) {
  if (outcomes.length === 0) return null;
  return (
    <ul className="status-report__rows">
      {outcomes.map(({ row, message }) => (
        <li key={`${row.advertiserId}:${row.id}`}>
          <span className="status-report__name">{row.name}</span>: {message}
        </li>
      ))}
    </ul>
  );
}
