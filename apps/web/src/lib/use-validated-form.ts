import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { isApiError } from './api-error';
import { messageForError } from './error-messages';
import { fieldErrorsFromError, validateInput, type FieldErrors, type InputSchema } from './form-errors';

/** The slice of a TanStack mutation a form needs. */
interface FormMutation<Input> {
  mutate(input: Input): void;
  reset(): void;
  error: unknown;
}

interface ValidatedFormOptions<Input> {
  schema: InputSchema<Input>;
  mutation: FormMutation<Input>;
  /** The names of the fields this form shows, so a server issue about any other path is shown above the form. */
  fieldNames: readonly string[];
  /** Values that are not form fields, such as an invitation token from the URL. */
  extraInput?: Record<string, unknown>;
}

interface ValidatedForm {
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  fieldErrors: FieldErrors;
  /** A failure not explained next to any field, for the form's alert. */
  formError: string | undefined;
}

/**
 * Submits a form through a mutation after checking it against the contract schema. Field problems,
 * from the browser-side check or from the server's `details.issues`, are shown next to their
 * field and the first invalid field receives focus; anything else becomes one form-level message.
 */
export function useValidatedForm<Input>({
  schema,
  mutation,
  fieldNames,
  extraInput,
}: ValidatedFormOptions<Input>): ValidatedForm {
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | undefined>(undefined);
  const serverError = mutation.error;

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [clientErrors, serverError]);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const validation = validateInput(schema, { ...values, ...extraInput });
    if (!validation.success) {
      mutation.reset();
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors(undefined);
    mutation.mutate(validation.data);
  }

  const fieldErrors = clientErrors ?? fieldErrorsFromError(serverError);
  return {
    formRef,
    onSubmit,
    fieldErrors,
    formError: unexplainedError(serverError, clientErrors, fieldNames),
  };
}

function unexplainedError(
  error: unknown,
  clientErrors: FieldErrors | undefined,
  fieldNames: readonly string[],
): string | undefined {
  if (clientErrors) {
    return Object.entries(clientErrors).find(([path]) => !fieldNames.includes(path))?.[1];
  }
  if (!error) return undefined;
  const explainedByFields =
    isApiError(error) &&
    error.code === 'validation_failed' &&
    error.issues.length > 0 &&
    error.issues.every((issue) => fieldNames.includes(issue.path));
  return explainedByFields ? undefined : messageForError(error);
}
