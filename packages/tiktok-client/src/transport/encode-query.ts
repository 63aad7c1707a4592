/**
 * Reference §0: GET parameters travel in the query string, and arrays and objects are
 * JSON-encoded strings (`advertiser_ids=["123"]`, `filtering={"campaign_ids":["1"]}`).
 */
export function encodeQuery(parameters: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value === undefined) continue;
    search.set(name, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
  }
  return search.toString();
}

/** Drops `undefined` members so that optional inputs are not sent as explicit nulls. */
export function withoutUndefined<Value extends Record<string, unknown>>(value: Value): Partial<Value> {
  return Object.fromEntries(
    Object.entries(value).filter(([, member]) => member !== undefined),
  ) as Partial<Value>;
}
