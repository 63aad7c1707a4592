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

/**
 * TikTok lists none of these because the connection was made without the permission that reads
 * them (optional to Whathead): what is missing, and the fix.
 */
export function CatalogNotGranted({ what, permission }: { what: string; permission: string }) {
  return (
    <div className="builder-form__problem" role="status">
      <p>
        Whathead can’t see this ad account’s {what}: its TikTok connection was made without {permission}.
      </p>
      <p className="field__hint">
        To choose {what}, reconnect TikTok in Integrations and keep {permission} ticked.
      </p>
    </div>
  );
}

/** Where the form takes TikTok's lists from: the workspace, and the ad account of the node's campaign. */
export interface CatalogAccount {
  workspaceId: string;
  /** Null while the node is not under a campaign: there is no account to ask. */
  advertiserId: string | null;
}
