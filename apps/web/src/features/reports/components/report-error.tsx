import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { isApiError } from '../../../lib/api-error';
import { messageForError } from '../../../lib/error-messages';

/**
 * What went wrong, and Retry. A refused query names each problem in the contract's own words
 * ("Hourly charts cover at most 31 days…"), which say more than the generic "check the fields";
 * every other failure reads as the app's catalogue says (lib/error-messages.ts).
 */
export function ReportError({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  const issues = isApiError(error) ? error.issues.map((issue) => issue.message) : [];
  return (
    <div className="report-error">
      <FormAlert>
        <p>
          <strong>{what} couldn’t load.</strong>{' '}
          {issues.length > 0 ? issues.join(' ') : messageForError(error)}
        </p>
      </FormAlert>
      <div>
        <Button variant="secondary" size="small" onClick={onRetry}>
          Retry
        </Button>
      </div>
    </div>
  );
}
