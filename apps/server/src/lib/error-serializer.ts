/**
 * How errors reach the log. PostgreSQL errors carry what a query was given: PGlite's errors hold
 * the bound `params`, and the server's `detail` repeats row values ("Failing row contains (…)",
 * "Key (email)=(…)"). A failed insert of a user would put a password hash in the log, so a
 * database error is logged with its code, severity, table, column, constraint and SQL text, and
 * never with its values.
 */

/** Fields of a PostgreSQL error (`pg`'s DatabaseError, PGlite's) that can hold data values. */
const valueFields = new Set(['params', 'parameters', 'values', 'detail', 'queryOptions']);

/** A SQLSTATE code and a severity: what both drivers' database errors carry. */
const isDatabaseError = (error: Error): boolean => {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
};

/**
 * Data exceptions (SQLSTATE class 22) quote the offending value in their message, e.g.
 * `invalid input syntax for type uuid: "…"`; other classes quote only names.
 */
const redactQuotedValues = (text: string | undefined, error: Error): string | undefined => {
  if (text === undefined || !String((error as { code?: unknown }).code).startsWith('22')) return text;
  return text.replace(/"[^"\n]*"/g, '"[redacted]"');
};

const deepestCause = 5;

export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const database = isDatabaseError(error);
  const serialized: Record<string, unknown> = {
    type: error.constructor?.name ?? error.name,
    message: database ? redactQuotedValues(error.message, error) : error.message,
    stack: database ? redactQuotedValues(error.stack, error) : error.stack,
  };
  for (const [key, value] of Object.entries(error)) {
    if (key in serialized || (database && valueFields.has(key))) continue;
    serialized[key] =
      value instanceof Error && depth < deepestCause ? serializeError(value, depth + 1) : value;
  }
  if (error.cause !== undefined && depth < deepestCause)
    serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}
