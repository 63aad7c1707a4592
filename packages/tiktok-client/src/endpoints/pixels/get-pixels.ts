import { z } from 'zod';
import { iteratePages } from '../../pagination/iterate-pages.js';
import type { Transport } from '../../transport/create-transport.js';
import {
  idSchema,
  openEnum,
  optionalBoolean,
  optionalName,
  optionalString,
  type Page,
  pageInfoSchema,
} from '../../transport/wire-schemas.js';
import type { AdvertiserCall, PageRequest } from '../call-input.js';

// GET /pixel/list/. Parameters and `{pixels, page_info}` from tiktok/tiktok-business-api-sdk
// `yml_files/pixel_list.yml`; the fields from bububa/tiktok-business `model/pixel/pixel.go`.

/** Optimisation events of web conversions (bububa `enum/optimization_event.go`), a sample. */
export type PixelOptimizationEvent =
  | 'SHOPPING'
  | 'ON_WEB_ORDER'
  | 'INITIATE_ORDER'
  | 'ON_WEB_CART'
  | 'ON_WEB_DETAIL'
  | 'ON_WEB_REGISTER'
  | 'FORM'
  | 'CONSULT'
  | 'DOWNLOAD_START'
  | 'ON_WEB_SUBSCRIBE'
  | 'ON_WEB_SEARCH'
  | 'ADD_BILLING'
  | 'ON_WEB_ADD_TO_WISHLIST'
  | 'BUTTON';

const pixelEventSchema = z
  .object({
    event_id: idSchema.nullish(),
    event_code: optionalString,
    name: optionalName,
    event_type: openEnum<PixelOptimizationEvent | 'PAGE_VIEW'>(),
    optimization_event: openEnum<PixelOptimizationEvent>(),
    custom_event_type: optionalString,
    statistic_type: openEnum<'EVERY_TIME' | 'ONCE'>(),
    deprecated: optionalBoolean,
  })
  .transform((event) => ({
    eventId: event.event_id ?? undefined,
    eventCode: event.event_code,
    name: event.name ?? '',
    eventType: event.event_type,
    /** What an ad group can optimise for with this event; absent for PAGE_VIEW. */
    optimizationEvent: event.optimization_event,
    customEventType: event.custom_event_type,
    statisticType: event.statistic_type,
    deprecated: event.deprecated ?? false,
  }));

export type PixelEvent = z.output<typeof pixelEventSchema>;

const pixelSchema = z
  .object({
    pixel_id: idSchema,
    pixel_code: optionalString,
    pixel_name: optionalName,
    pixel_category: openEnum<
      'ONLINE_STORE' | 'FILLING_FORM' | 'CONTACTS' | 'LANDING_PAGE' | 'CUSTOMIZE_EVENTS'
    >(),
    pixel_setup_mode: openEnum<'STANDARD' | 'DEVELOPER'>(),
    events: z.array(pixelEventSchema).nullish(),
  })
  .transform((pixel) => ({
    pixelId: pixel.pixel_id,
    /** The id Events Manager shows and the site's base code loads. */
    pixelCode: pixel.pixel_code,
    name: pixel.pixel_name ?? '',
    category: pixel.pixel_category,
    setupMode: pixel.pixel_setup_mode,
    events: pixel.events ?? [],
  }));

export type Pixel = z.output<typeof pixelSchema>;

const pixelPageSchema = z
  .object({ pixels: z.array(pixelSchema).nullish(), page_info: pageInfoSchema })
  .transform((data): Page<Pixel> => ({ items: data.pixels ?? [], pageInfo: data.page_info }));

/** pixel_list.yml: page_size at most 20. */
export const pixelPageSize = 20;

export interface GetPixelsInput extends AdvertiserCall, PageRequest {
  pixelId?: string | undefined;
  /** A pixel code, matched whole. */
  code?: string | undefined;
  /** Part of a pixel name. */
  name?: string | undefined;
  /** Default EARLIEST_CREATE. */
  orderBy?: 'EARLIEST_CREATE' | 'LATEST_CREATE' | undefined;
  /** Only pixels that can be bound to a catalog as an event source. */
  availableForCatalogOnly?: boolean | undefined;
}

/** GET /pixel/list/, one page of at most 20. */
export const getPixels =
  (transport: Transport) =>
  ({
    accessToken,
    advertiserId,
    pixelId,
    code,
    name,
    orderBy,
    availableForCatalogOnly,
    page = 1,
    pageSize = pixelPageSize,
    signal,
  }: GetPixelsInput): Promise<Page<Pixel>> =>
    transport.send({
      method: 'GET',
      path: '/pixel/list/',
      effect: 'read',
      schema: pixelPageSchema,
      accessToken,
      advertiserId,
      query: {
        advertiser_id: advertiserId,
        pixel_id: pixelId,
        code,
        name,
        order_by: orderBy,
        filtering:
          availableForCatalogOnly === undefined
            ? undefined
            : { available_for_catalog_only: availableForCatalogOnly },
        page,
        page_size: pageSize,
      },
      signal,
    });

export const listPixels =
  (transport: Transport) =>
  (input: Omit<GetPixelsInput, 'page'>): AsyncGenerator<Pixel> =>
    iteratePages((page) => getPixels(transport)({ ...input, page }));
