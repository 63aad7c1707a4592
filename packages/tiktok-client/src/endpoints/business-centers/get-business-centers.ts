import { z } from 'zod';
import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import {
  idSchema,
  openEnum,
  optionalName,
  optionalString,
  type Page,
  pageSchema,
} from '../../transport/wire-schemas.js';
import type { PageRequest, TokenCall } from '../call-input.js';

const businessCenterSchema = z
  .object({
    bc_info: z.object({
      bc_id: idSchema,
      name: optionalName,
      company: optionalName,
      currency: optionalString,
      registered_area: optionalString,
      status: openEnum<'REVIEWING' | 'DENY' | 'ENABLE' | 'PUNISH'>(),
      timezone: optionalString,
      type: openEnum<'NORMAL' | 'AGENCY' | 'DIRECT' | 'SELF_SERVICE' | 'SELF_SERVICE_AGENCY'>(),
    }),
    user_role: openEnum<'ADMIN' | 'STANDARD'>(),
    ext_user_role: z.object({ finance_role: openEnum<'MANAGER' | 'ANALYST'>() }).nullish(),
  })
  .transform((row) => ({
    bcId: row.bc_info.bc_id,
    name: row.bc_info.name ?? '',
    company: row.bc_info.company,
    currency: row.bc_info.currency,
    registeredArea: row.bc_info.registered_area,
    status: row.bc_info.status,
    timezone: row.bc_info.timezone,
    type: row.bc_info.type,
    userRole: row.user_role,
    financeRole: row.ext_user_role?.finance_role,
  }));

export type BusinessCenter = z.output<typeof businessCenterSchema>;

export interface GetBusinessCentersInput extends TokenCall, PageRequest {
  /** Omit to list every Business Center the token's user can see. */
  bcId?: string | undefined;
}

/** Reference §3.1: page_size ≤ 50. */
export const businessCenterPageSize = 50;

/** GET /bc/get/ (reference §3.1), one page. */
export const getBusinessCenters =
  (transport: Transport) =>
  ({
    accessToken,
    bcId,
    page = 1,
    pageSize = businessCenterPageSize,
    signal,
  }: GetBusinessCentersInput): Promise<Page<BusinessCenter>> =>
    transport.send({
      method: 'GET',
      path: '/bc/get/',
      effect: 'read',
      schema: pageSchema(businessCenterSchema),
      accessToken,
      query: { bc_id: bcId, page, page_size: pageSize },
      signal,
    });

/** Every Business Center, page after page. */
export const listBusinessCenters =
  (transport: Transport) =>
  (input: Omit<GetBusinessCentersInput, 'page'>): AsyncGenerator<BusinessCenter> =>
    iteratePages((page) => getBusinessCenters(transport)({ ...input, page }));
