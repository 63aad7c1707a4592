import { isApiError } from './api-error';

/** Error text per form field name, e.g. `{ email: 'Enter a valid email address.' }`. */
export type FieldErrors = Partial<Record<string, string>>;

/** The part of a zod schema the forms use; the contracts' schemas fit it. */
export interface InputSchema<Output> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: Output }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

export type Validation<Output> =
  { success: true; data: Output } | { success: false; fieldErrors: FieldErrors };

/**
 * Checks form input against the same contract schema the server uses, so the browser shows the
 * server's own wording before a round trip. The first problem per field wins.
 */
export function validateInput<Output>(schema: InputSchema<Output>, input: unknown): Validation<Output> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  return {
    success: false,
    fieldErrors: collect(
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    ),
  };
}

/** Field problems the server reported in `details.issues`, keyed by their dotted path. */
export function fieldErrorsFromError(error: unknown): FieldErrors {
  return isApiError(error) ? collect(error.issues) : {};
}

function collect(issues: ReadonlyArray<{ path: string; message: string }>): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const { path, message } of issues) fieldErrors[path] ??= message;
  return fieldErrors;
}
