import { FormAlert } from '../../../../components/ui/form-alert';
import { isApiError } from '../../../../lib/api-error';
import { messageForError } from '../../../../lib/error-messages';

/**
 * Why a publish did not start, in words: a newer version saved (409 draft_conflict), a publish
 * already under way (409 draft_publishing), or errors left in the draft (422 draft_invalid), each
 * of those listed as the server names them.
 */
export function StartFailure({ error }: { error: unknown }) {
  if (!error) return null;
  const issues = isApiError(error) && error.code === 'draft_invalid' ? error.issues : [];
  return (
    <FormAlert>
      <p>{messageForError(error)}</p>
      {issues.length > 0 && (
        <ul className="publish-preview__issues">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      )}
    </FormAlert>
  );
}
