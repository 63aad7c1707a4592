import { messageForError } from '../../../../lib/error-messages';

interface CatalogProblemProps {
  /** What could not be read, e.g. "locations". */
  what: string;
  error: unknown;
  onRetry: () => void;
}

/**
 * A catalog list TikTok did not give: said in words, with the one thing to do. The rest of the
 * form keeps working, and a value already chosen stays as it is.
 */
export function CatalogProblem({ what, error, onRetry }: CatalogProblemProps) {
  return (
    <div className="builder-form__problem" role="alert">
      <p>
        Couldn’t load TikTok’s {what} —{' '}
        <button type="button" className="link-button" onClick={onRetry}>
          retry
        </button>
      </p>
      <p className="field__hint">{messageForError(error)}</p>
    </div>
  );
}

/** Where the form takes TikTok's lists from: the workspace, and the ad account of the node's campaign. */
export interface CatalogAccount {
  workspaceId: string;
  /** Null while the node is not under a campaign: there is no account to ask. */
  advertiserId: string | null;
}
