import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { isApiError } from './api-error';
import { messageForError } from './error-messages';
import { fieldErrorsFromError, validateInput, type FieldErrors, type InputSchema } from './form-errors';

/** The slice of a TanStack mutation a form needs. */
interface FormMutation<Input> {
  mutate(input: Input, options?: { onSettled?: () => void }): void;
  reset(): void;
  error: unknown;
  isPending: boolean;
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
  /** Put on the form: a field's error goes away as soon as its value changes. */
  onChange: (event: FormEvent<HTMLFormElement>) => void;
  fieldErrors: FieldErrors;
  /** A failure not explained next to any field, for the form's alert. */
  formError: string | undefined;
}

/**
 * Submits a form through a mutation after checking it against the contract schema. Field problems,
 * from the browser-side check or from the server's `details.issues`, are shown next to their
 * field until its value changes, and the first invalid field receives focus; anything else becomes
 * one form-level message. A form is never sent twice at once, by a second click or Enter.
 */
export function useValidatedForm<Input>({
  schema,
  mutation,
  fieldNames,
  extraInput,
}: ValidatedFormOptions<Input>): ValidatedForm {
  const formRef = useRef<HTMLFormElement>(null);
  // Set at once on submit: the mutation's own isPending reaches this component a render later.
  const isSubmitting = useRef(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors | undefined>(undefined);
  const [changedFields, setChangedFields] = useState<ReadonlySet<string>>(() => new Set());
  const serverError = mutation.error;
  const [shownServerError, setShownServerError] = useState(serverError);
  if (shownServerError !== serverError) {
    // New errors from the server: every field they name is wrong again, changed before or not.
    setShownServerError(serverError);
    setChangedFields(new Set());
  }

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [clientErrors, serverError]);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isSubmitting.current || mutation.isPending) return;
    const values = Object.fromEntries(new FormData(event.currentTarget));
    const validation = validateInput(schema, { ...values, ...extraInput });
    setChangedFields(new Set());
    if (!validation.success) {
      mutation.reset();
      setClientErrors(validation.fieldErrors);
      return;
    }
    setClientErrors(undefined);
    isSubmitting.current = true;
    mutation.mutate(validation.data, {
      onSettled: () => {
        isSubmitting.current = false;
      },
    });
  }

  const allFieldErrors = clientErrors ?? fieldErrorsFromError(serverError);

  function onChange(event: FormEvent<HTMLFormElement>): void {
    const { name } = event.target as Partial<HTMLInputElement>;
    if (!name || !allFieldErrors[name] || changedFields.has(name)) return;
    setChangedFields(new Set(changedFields).add(name));
  }

  const fieldErrors = Object.fromEntries(
    Object.entries(allFieldErrors).filter(([name]) => !changedFields.has(name)),
  );
  return {
    formRef,
    onSubmit,
    onChange,
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
  // Said next to its fields already (a bad value, an email that is taken): not said twice.
  const explainedByFields =
    isApiError(error) &&
    error.issues.length > 0 &&
    error.issues.every((issue) => fieldNames.includes(issue.path));
  return explainedByFields ? undefined : messageForError(error);
}
