import { Button } from '../../../components/ui/button';
import { AlertIcon, CheckIcon, CloseIcon } from '../../../components/ui/icons';
import { headlineOf, toneOf, type RowOutcome, type StatusReport } from '../hooks/status-report';

interface StatusReportBarProps {
  report: StatusReport;
  isRetrying: boolean;
  onRetry: () => void;
  onDismiss: () => void;
}

/**
 * After a Turn on, Turn off or Delete: what it came to, until dismissed or the next one. All done
 * reads as done; rows with nothing to change (already on) as news; rows TikTok refused as a
 * warning, each with why, and Retry failed, which sends only those. Rows changed in TikTok
 * meanwhile are the conflict dialog's, not this summary's.
 */
export function StatusReportBar({ report, isRetrying, onRetry, onDismiss }: StatusReportBarProps) {
  const { failed, skipped } = report;
  const tone = toneOf(report);
  return (
    <div
      className={`status-report status-report--${tone}`}
      role="group"
      aria-label="Result of the last change"
    >
      {tone === 'success' ? <CheckIcon size={16} /> : <AlertIcon />}
      <div className="status-report__text">
        <p>
          <strong>{headlineOf(report)}</strong>
          {failed.length > 0 && ` ${failed.length} failed:`}
        </p>
        <Outcomes outcomes={failed} />
        {/* With nothing else to say, the headline ("Nothing to change.") leads straight to why. */}
        {skipped.length > 0 && (failed.length > 0 || report.changed > 0) && (
          <p>{skipped.length} not changed:</p>
        )}
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
