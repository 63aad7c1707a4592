import { AlertIcon } from './icons';

interface FieldMessagesProps {
  /** The id of the form control; the messages' ids derive from it. */
  controlId: string;
  hint?: string;
  error?: string;
}

/**
 * The hint or the error under a form control. An error takes the hint's place: it names the rule
 * that was broken, which the hint already stated, and reading both says the same thing twice.
 */
export function FieldMessages({ controlId, hint, error }: FieldMessagesProps) {
  if (error) {
    return (
      <p id={`${controlId}-error`} className="field__error" role="alert">
        <AlertIcon />
        {error}
      </p>
    );
  }
  if (!hint) return null;
  return (
    <p id={`${controlId}-hint`} className="field__hint">
      {hint}
    </p>
  );
}

/** The `aria-describedby` value that ties a control to the message rendered by FieldMessages. */
export function fieldDescription({ controlId, hint, error }: FieldMessagesProps): string | undefined {
  if (error) return `${controlId}-error`;
  return hint ? `${controlId}-hint` : undefined;
}
