import { z } from 'zod';
import { parseDateTime } from '../state/clock.js';
import { ApiError } from './api-error.js';

// Reference §0: GET parameters carry arrays and objects as JSON-encoded strings. The helpers
// below decode exactly that form (a repeated key or a bare value is "Not a valid list.") and
// also accept real JSON values, which is what POST bodies carry.

const decodeJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const decodeInteger = (value: unknown): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

const decodeNumber = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;

const decodeBoolean = (value: unknown): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export const jsonParam = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(decodeJson, schema);
export const integerParam = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(decodeInteger, schema);
export const numberParam = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(decodeNumber, schema);
export const booleanParam = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(decodeBoolean, schema);

/** Ids stay digit strings end to end (reference §10); JSON numbers would lose digits past 2^53. */
export const idString = () => z.string().regex(/^\d{1,19}$/, 'Not a valid id.');
export const idList = (maximum: number) => jsonParam(z.array(idString()).min(1).max(maximum));

export const dateTimeString = () =>
  z
    .string()
    .refine(
      (text) => parseDateTime(text) !== undefined,
      'Not a valid datetime. Format: YYYY-MM-DD HH:MM:SS.',
    );

/** Reference §2: 1-based pages, default page_size 10 unless stated, each endpoint with its maximum. */
export const pagingParams = (maximum: number, defaultSize = 10) => ({
  page: integerParam(z.number().int().min(1, 'Must be greater than or equal to 1.')).default(1),
  page_size: integerParam(
    z
      .number()
      .int()
      .min(1, `Must be greater than or equal to 1 and less than or equal to ${maximum}.`)
      .max(maximum, `Must be greater than or equal to 1 and less than or equal to ${maximum}.`),
  ).default(defaultSize),
});

const typeMessages: Record<string, string> = {
  string: 'Not a valid string.',
  number: 'Not a valid number.',
  int: 'Not a valid integer.',
  boolean: 'Not a valid boolean.',
  array: 'Not a valid list.',
  object: 'Not a valid mapping type.',
};

/** TikTok validates with marshmallow-style messages ("field: Missing data for required field."). */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') &&
    issue.input === undefined
  ) {
    return 'Missing data for required field.';
  }
  switch (issue.code) {
    case 'invalid_type':
      return typeMessages[issue.expected] ?? 'Invalid value.';
    case 'invalid_value':
      return `Must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int'
        ? `Must be less than or equal to ${String(issue.maximum)}.`
        : `Longer than maximum length ${String(issue.maximum)}.`;
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'int'
        ? `Must be greater than or equal to ${String(issue.minimum)}.`
        : `Shorter than minimum length ${String(issue.minimum)}.`;
    case 'invalid_format':
      return 'String does not match expected pattern.';
    default:
      return undefined;
  }
}

/** Parses request input; the first problem becomes TikTok's 40002 "field: message" (reference §7). */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input ?? {}, { error: describeIssue, reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'Invalid parameters.';
  throw new ApiError(40002, field ? `${field}: ${message}` : message);
}
