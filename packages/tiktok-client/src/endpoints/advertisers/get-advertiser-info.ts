import { z } from 'zod';
import { batchLimits, splitIntoBatches } from '../../pagination/split-into-batches.js';
import type { Transport } from '../../transport/create-transport.js';
import {
  idSchema,
  listSchema,
  openEnum,
  optionalName,
  optionalNumber,
  optionalString,
} from '../../transport/wire-schemas.js';
import type { TokenCall } from '../call-input.js';

/** Reference §3.4: the fields Whathead uses; masked contact fields are left out on purpose. */
const advertiserInfoSchema = z
  .object({
    advertiser_id: idSchema,
    name: optionalName,
    company: optionalName,
    status: openEnum<AdvertiserStatus>(),
    role: openEnum<'ROLE_ADVERTISER' | 'ROLE_CHILD_ADVERTISER' | 'ROLE_CHILD_AGENT' | 'ROLE_AGENT'>(),
    currency: optionalString,
    timezone: optionalString,
    display_timezone: optionalString,
    country: optionalString,
    balance: optionalNumber,
    create_time: optionalNumber,
    rejection_reason: optionalString,
    owner_bc_id: idSchema.nullish(),
  })
  .transform((row) => ({
    advertiserId: row.advertiser_id,
    name: row.name ?? '',
    company: row.company,
    status: row.status,
    role: row.role,
    currency: row.currency,
    timezone: row.timezone,
    displayTimezone: row.display_timezone,
    country: row.country,
    balance: row.balance,
    /** Reference §10: Unix seconds, unlike every other TikTok time. */
    createTimeSeconds: row.create_time,
    rejectionReason: row.rejection_reason,
    ownerBcId: row.owner_bc_id ?? undefined,
  }));

export type AdvertiserInfo = z.output<typeof advertiserInfoSchema>;

/** Reference §3.4 (promopult's list; live values STATUS_ENABLE and STATUS_LIMIT). */
export type AdvertiserStatus =
  | 'STATUS_ENABLE'
  | 'STATUS_DISABLE'
  | 'STATUS_PENDING_CONFIRM'
  | 'STATUS_PENDING_VERIFIED'
  | 'STATUS_CONFIRM_FAIL'
  | 'STATUS_CONFIRM_FAIL_END'
  | 'STATUS_PENDING_CONFIRM_MODIFY'
  | 'STATUS_CONFIRM_MODIFY_FAIL'
  | 'STATUS_LIMIT'
  | 'STATUS_WAIT_FOR_BPM_AUDIT'
  | 'STATUS_WAIT_FOR_PUBLIC_AUTH'
  | 'STATUS_SELF_SERVICE_UNAUDITED'
  | 'STATUS_CONTRACT_PENDING';

export interface GetAdvertiserInfoInput extends TokenCall {
  /** Any number: split into calls of 100 (reference §3.4, correction 11). */
  advertiserIds: readonly string[];
}

/** GET /advertiser/info/ for any number of accounts, in batches of 100, in order. */
export const getAdvertiserInfo =
  (transport: Transport) =>
  async ({ accessToken, advertiserIds, signal }: GetAdvertiserInfoInput): Promise<AdvertiserInfo[]> => {
    const results: AdvertiserInfo[] = [];
    for (const batch of splitIntoBatches(advertiserIds, batchLimits.advertiserInfo)) {
      const list = await transport.send({
        method: 'GET',
        path: '/advertiser/info/',
        effect: 'read',
        schema: listSchema(advertiserInfoSchema),
        accessToken,
        advertiserId: batch.length === 1 ? batch[0] : undefined,
        query: { advertiser_ids: batch },
        signal,
      });
      results.push(...list);
    }
    return results;
  };
