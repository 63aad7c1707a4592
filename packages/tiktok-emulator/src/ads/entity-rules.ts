import { z } from 'zod';
import { ApiError, fieldError } from '../http/api-error.js';
import { idString, jsonParam, pagingParams } from '../http/params.js';
import type { EmulatorRuntime } from '../runtime.js';
import { millisecondsPerDay } from '../state/clock.js';
import { primaryStatuses } from './ads-enums.js';

// Rules shared by campaigns, ad groups and ads (reference §4).

/**
 * Reference §4.3/§4.4: SCHEDULE_FROM_NOW ends "10 years" after the start. The real records the
 * reference cites (airbyte expected_records.jsonl) show exactly 3,650 days, leap years ignored:
 * 2021-08-30 03:20:28 → 2031-08-28 03:20:28, 2022-03-28 13:02:23 → 2032-03-25 13:02:23.
 */
export const fromNowScheduleMilliseconds = 3_650 * millisecondsPerDay;

/** Correction 1: a create `request_id` is a 64-bit integer written as a string. */
export const requestIdParam = () =>
  z
    .string()
    .regex(/^\d{1,19}$/, 'Must be a 64-bit integer written as a string.')
    .refine(
      (text) => /^\d{1,19}$/.test(text) && BigInt(text) <= 9_223_372_036_854_775_807n,
      'Must be a 64-bit integer written as a string.',
    );

/** Reference §4.1: names have no emoji. */
export const entityName = () =>
  z
    .string()
    .min(1)
    .max(512)
    .refine((text) => !/\p{Extended_Pictographic}/u.test(text), 'Emoji are not supported.');

/** Reference §4.2: repeating a `request_id` → 40050, or the original object (settings knob). */
export function checkRequestId(
  runtime: EmulatorRuntime,
  endpoint: string,
  advertiserId: string,
  requestId: string | undefined,
): string | undefined {
  if (requestId === undefined) return undefined;
  const previous = runtime.store.idempotencyKeys.get(`${advertiserId}|${endpoint}|${requestId}`);
  if (previous === undefined) return undefined;
  if (runtime.settings.duplicateRequestIdMode === 'reject') throw new ApiError(40050, 'Duplicated request.');
  return previous;
}

export function rememberRequestId(
  runtime: EmulatorRuntime,
  endpoint: string,
  advertiserId: string,
  requestId: string | undefined,
  createdId: string,
): void {
  if (requestId !== undefined)
    runtime.store.idempotencyKeys.set(`${advertiserId}|${endpoint}|${requestId}`, createdId);
}

/** Budgets in the account currency (reference §10); minimums are USD figures converted. */
export function minimumBudget(
  runtime: EmulatorRuntime,
  advertiserId: string,
  usd: number,
): { amount: number; currency: string } {
  const currency = runtime.store.advertisers.get(advertiserId)?.currency ?? 'USD';
  return { amount: usd * (runtime.settings.currencyRates[currency] ?? 1), currency };
}

export function requireMinimumBudget(
  budget: number,
  minimum: { amount: number; currency: string },
  what: string,
): void {
  if (budget < minimum.amount) {
    throw fieldError('budget', `${what} must be at least ${minimum.amount.toFixed(2)} ${minimum.currency}.`);
  }
}

/** Reference §4.1: the get endpoints filter id lists at ≤ 100 and defaults to hiding deleted objects. */
export const idFilter = () => z.array(idString()).min(1).max(100).optional();

export const getParams = <Filtering extends z.ZodType>(filtering: Filtering) => ({
  advertiser_id: idString(),
  filtering: jsonParam(filtering).optional(),
  fields: jsonParam(z.array(z.string()).min(1)).optional(),
  exclude_field_types_in_response: jsonParam(z.array(z.string())).optional(),
  ...pagingParams(1000),
});

export const primaryStatusFilter = () => z.enum(primaryStatuses).optional();

/** Reference §4.1: STATUS_NOT_DELETE by default; STATUS_ALL shows deleted objects too. */
export function matchesPrimaryStatus(
  primaryStatus: (typeof primaryStatuses)[number] | undefined,
  operationStatus: string,
  /** Asked for only by the filters that depend on it. */
  secondaryStatus: () => string,
): boolean {
  const deleted = operationStatus === 'DELETE';
  switch (primaryStatus ?? 'STATUS_NOT_DELETE') {
    case 'STATUS_ALL':
      return true;
    case 'STATUS_NOT_DELETE':
      return !deleted;
    case 'STATUS_DELETE':
      return deleted;
    case 'STATUS_DISABLE':
      return operationStatus === 'DISABLE';
    case 'STATUS_DELIVERY_OK':
      return !deleted && /DELIVERY_OK|_ENABLE$/.test(secondaryStatus());
    case 'STATUS_NOT_DELIVERY':
      return !deleted && !/DELIVERY_OK|_ENABLE$/.test(secondaryStatus());
    case 'STATUS_TIME_DONE':
      return /TIME_DONE|_DONE$/.test(secondaryStatus());
    default:
      return false;
  }
}

/** Reference §4.1 `fields`: only the listed fields, unknown names refused. */
export function selectFields<Row extends object>(
  rows: Row[],
  fields: string[] | undefined,
): Record<string, unknown>[] {
  if (!fields) return rows as Record<string, unknown>[];
  const sample = rows[0];
  if (sample) {
    const unknown = fields.find((field) => !(field in sample));
    if (unknown) throw fieldError('fields', `Invalid field: ${unknown}.`);
  }
  return rows.map((row) =>
    Object.fromEntries(fields.map((field) => [field, (row as Record<string, unknown>)[field]])),
  );
}

/** Creation-time filters use "YYYY-MM-DD HH:MM:SS" in UTC, which sorts as text. */
export const withinCreation = (
  createTime: string,
  start: string | undefined,
  end: string | undefined,
): boolean => (!start || createTime >= start) && (!end || createTime <= end);

/**
 * The status and creation-time part shared by /campaign/get/, /adgroup/get/ and /ad/get/ (§4.1):
 * `<LEVEL>_STATUS_ALL` shows everything, deleted objects included; `<LEVEL>_STATUS_NOT_DELETE`
 * (the default) and any other secondary status narrow it; then the primary status and the
 * creation window apply. Built once per request: a listing tests every object of the account.
 * The secondary status is asked for only by the filters that depend on it.
 */
export function statusFilter(
  filtering: {
    secondary_status?: string | undefined;
    primary_status?: (typeof primaryStatuses)[number] | undefined;
    creation_filter_start_time?: string | undefined;
    creation_filter_end_time?: string | undefined;
  },
  level: 'CAMPAIGN' | 'ADGROUP' | 'AD',
): (entity: { operation_status: string; create_time: string }, secondaryStatus: () => string) => boolean {
  const wanted = filtering.secondary_status;
  const allStatuses = wanted === `${level}_STATUS_ALL`;
  const anySecondary = allStatuses || !wanted || wanted === `${level}_STATUS_NOT_DELETE`;
  const primary = allStatuses ? 'STATUS_ALL' : filtering.primary_status;
  const { creation_filter_start_time: start, creation_filter_end_time: end } = filtering;
  return (entity, secondaryStatus) =>
    (anySecondary || secondaryStatus() === wanted) &&
    matchesPrimaryStatus(primary, entity.operation_status, secondaryStatus) &&
    withinCreation(entity.create_time, start, end);
}
