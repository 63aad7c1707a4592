import type { z } from 'zod';
import { iteratePages } from '../pagination/iterate-pages.js';
import type { Transport } from '../transport/create-transport.js';
import { pageSchema, withRaw, type Page } from '../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from './call-input.js';

/** Reference §2: campaigns, ad groups and ads come up to 1000 per page. */
export const entityPageSize = 1000;

export interface EntityPageInput<Filtering> extends AdvertiserCall, PageRequest {
  filtering?: Filtering | undefined;
}

/**
 * GET /campaign/get/, /adgroup/get/ and /ad/get/ (reference §4.1) share one shape: an advertiser,
 * a JSON-encoded `filtering` object and pages. Only the path, the entity and the filter fields
 * differ, so each endpoint file declares those and this builds `get` (one page) and `list` (every
 * page).
 */
export function entityReader<Entity, Filtering>(
  path: string,
  entitySchema: z.ZodType<Entity>,
  encodeFiltering: (filtering: Filtering) => Record<string, unknown>,
) {
  const getPage =
    <Item>(itemSchema: z.ZodType<Item>) =>
    (transport: Transport) =>
    ({
      accessToken,
      advertiserId,
      filtering,
      page = 1,
      pageSize = entityPageSize,
      signal,
    }: EntityPageInput<Filtering>): Promise<Page<Item>> =>
      transport.send({
        method: 'GET',
        path,
        effect: 'read',
        schema: pageSchema(itemSchema),
        accessToken,
        advertiserId,
        query: {
          advertiser_id: advertiserId,
          filtering: filtering && encodeFiltering(filtering),
          page,
          page_size: pageSize,
        },
        signal,
      });
  const get = getPage(entitySchema);
  /** One page, each item with TikTok's object as sent (`raw`). */
  const getWithRaw = getPage(withRaw(entitySchema));
  const list =
    (transport: Transport) =>
    (input: Omit<EntityPageInput<Filtering>, 'page'>): AsyncGenerator<Entity> =>
      iteratePages((page) => get(transport)({ ...input, page }));
  return { get, getWithRaw, list };
}
