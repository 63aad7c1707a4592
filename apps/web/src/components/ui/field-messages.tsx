import { AlertIcon } from './icons';

interface FieldMessagesProps {
  /** The id of the form control; the messages' ids derive from it. */
  controlId: string;
  hint?: string;
  error?: string;
}

/** The hint and error lines under a form control. */
export function FieldMessages({ controlId, hint, error }: FieldMessagesProps) {
  return (
    <>
      {hint && (
        <p id={`${controlId}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${controlId}-error`} className="field__error" role="alert">
          <AlertIcon />
          {error}
        </p>
      )}
    </>
  );
}

/** The `aria-describedby` value that ties a control to the messages rendered by FieldMessages. */
export function fieldDescription({ controlId, hint, error }: FieldMessagesProps): string | undefined {
  const ids = [hint && `${controlId}-hint`, error && `${controlId}-error`].filter(Boolean);
  return ids.length === 0 ? undefined : ids.join(' ');
}
