import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';

/** A setting's problem as zod reports it; the fields read here are optional so any schema fits. */
interface ShapeIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
  origin?: string;
  expected?: string;
  maximum?: number | bigint;
}

/** The part of a contract's zod schema the resolver uses. */
export interface SettingsSchema<Settings> {
  safeParse(
    input: unknown,
  ): { success: true; data: Settings } | { success: false; error: { issues: readonly ShapeIssue[] } };
}

/**
 * What the draft can't even be saved with, from the contract's own settings schema (a budget
 * that isn't a number, text past the saved cap, a time in the wrong shape), keyed by the setting.
 * The rules about what TikTok will take come from `validateDraft`, through the form's `issues`.
 */
export function shapeErrors<Settings>(
  schema: SettingsSchema<Settings>,
  values: unknown,
): Partial<Record<string, string>> {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: Partial<Record<string, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string') errors[field] ??= wordsFor(issue);
  }
  return errors;
}

/** zod's own messages are for developers; the contracts' custom ones are already for people. */
function wordsFor(issue: ShapeIssue): string {
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number like 25 or 25.50.';
  if (issue.code === 'too_small' && issue.origin === 'number') return 'Enter 0 or more.';
  if (issue.code === 'too_big' && issue.origin === 'number') return 'That is more than TikTok takes.';
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `Use at most ${String(issue.maximum)} characters.`;
  if (issue.code === 'too_big' && issue.origin === 'array') return 'That is more than TikTok takes.';
  return issue.message;
}

/** A react-hook-form resolver that checks the form's values against a contract's settings schema. */
export function settingsResolver<Settings extends FieldValues>(
  schema: SettingsSchema<Settings>,
): Resolver<Settings> {
  return (values) => {
    const result = schema.safeParse(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const [field, message] of Object.entries(shapeErrors(schema, values))) {
      if (message) errors[field] = { type: 'contract', message };
    }
    return { values: {}, errors: errors as FieldErrors<Settings> };
  };
}
