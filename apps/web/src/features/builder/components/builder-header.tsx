import { draftNameSchema } from '@whathead/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { DocumentTitle } from '../../../components/ui/document-title';
import { Spinner } from '../../../components/ui/spinner';
import type { SavePhase } from '../hooks/use-draft-autosave';

interface BuilderHeaderProps {
  name: string;
  readOnly: boolean;
  phase: SavePhase;
  dirty: boolean;
  /** Why the last save was refused, when trying again can't help. */
  failure: string | null;
  onRename(name: string): void;
  /** Reopens the choice after a conflict dialog was closed. */
  onResolveConflict(): void;
}

/** Back to the drafts, the draft's name (renamed in place) and whether its changes are saved. */
export function BuilderHeader({
  name,
  readOnly,
  phase,
  dirty,
  failure,
  onRename,
  onResolveConflict,
}: BuilderHeaderProps) {
  return (
    <header className="builder-header">
      <DocumentTitle title={name} />
      <Link to="/campaigns/drafts" className="builder-header__back">
        Drafts
      </Link>
      <span aria-hidden="true" className="builder-header__separator">
        /
      </span>
      <h1 className="visually-hidden">{name}</h1>
      <DraftNameField key={name} name={name} readOnly={readOnly} onRename={onRename} />
      <SaveStatus phase={phase} dirty={dirty} failure={failure} onResolveConflict={onResolveConflict} />
    </header>
  );
}

/** The name as typed; a name the server would refuse (empty, too long) goes back to the saved one. */
function DraftNameField({
  name,
  readOnly,
  onRename,
}: {
  name: string;
  readOnly: boolean;
  onRename(name: string): void;
}) {
  const [typed, setTyped] = useState(name);
  const commit = () => {
    const parsed = draftNameSchema.safeParse(typed);
    if (parsed.success) onRename(parsed.data);
    else setTyped(name);
  };
  return (
    <input
      className="builder-header__name"
      aria-label="Draft name"
      value={typed}
      maxLength={120}
      readOnly={readOnly}
      onChange={(event) => setTyped(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          setTyped(name);
          event.currentTarget.blur();
        }
      }}
    />
  );
}

interface SaveStatusProps {
  phase: SavePhase;
  dirty: boolean;
  failure: string | null;
  onResolveConflict(): void;
}

/** "Saved", "Saving…", "Not saved — retrying": announced politely as it changes. */
function SaveStatus({ phase, dirty, failure, onResolveConflict }: SaveStatusProps) {
  const text =
    phase === 'publishing'
      ? 'Read-only while publishing'
      : phase === 'conflict'
        ? 'Not saved — a newer version was saved'
        : phase === 'retrying'
          ? 'Not saved — retrying'
          : failure
            ? `Not saved: ${failure}`
            : phase === 'saving' || dirty
              ? 'Saving…'
              : 'Saved';
  return (
    <div className="builder-header__status">
      <span role="status" aria-live="polite" className={`save-status save-status--${phase}`}>
        {(phase === 'saving' || (dirty && phase === 'idle')) && <Spinner />}
        {text}
      </span>
      {phase === 'conflict' && (
        <button type="button" className="link-button" onClick={onResolveConflict}>
          Choose a version
        </button>
      )}
    </div>
  );
}
