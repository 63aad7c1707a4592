import { z } from 'zod';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import { booleanParam, idString, jsonParam, pagingParams } from '../http/params.js';
import type { PixelRecord } from '../state/records.js';

// GET /pixel/list/. Parameters and `data.pixels` + `page_info` from tiktok/tiktok-business-api-sdk
// `yml_files/pixel_list.yml` (order_by default EARLIEST_CREATE, page_size ≤ 20); the pixel's fields
// and the filters' meaning from bububa/tiktok-business `model/pixel/{list,pixel}.go`. Permission 800
// (reference §9 group 8).

const describePixel = (pixel: PixelRecord) => {
  const { advertiserId: _advertiserId, events, ...fields } = pixel;
  return {
    ...fields,
    pixel_script: pixelScript(pixel.pixel_code),
    advanced_matching_fields: { phone_number: false, email: false },
    events: events.map((event) => ({ ...event, rules: event.rules.map((rule) => ({ ...rule })) })),
  };
};

/** The base code a site installs (shortened: TikTok's loader is longer, the call is the same). */
const pixelScript = (code: string): string =>
  `<script>!function (w, d, t) {w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.load('${code}');ttq.page();}(window, document, 'ttq');</script>`;

/**
 * Open questions, answered with the documented reading:
 * - A `pixel_id` or `code` no pixel of the account has gives an empty page, not an error.
 * - `filtering.available_for_catalog_only` keeps pixels that can be bound to a catalog; TikTok
 *   does not say which cannot, and every seeded pixel is owned by its account, so all qualify.
 * - Pixels shared by a Business Center are not modelled: an account lists the pixels it owns.
 */
export const pixelListEndpoint = defineEndpoint({
  method: 'GET',
  path: '/pixel/list/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [800],
  input: z.object({
    advertiser_id: idString(),
    pixel_id: idString().optional(),
    code: z.string().optional(),
    // bububa model/pixel/list.go: fuzzy, pixels whose name contains the text.
    name: z.string().optional(),
    order_by: z.enum(['EARLIEST_CREATE', 'LATEST_CREATE']).default('EARLIEST_CREATE'),
    filtering: jsonParam(
      z.object({ available_for_catalog_only: booleanParam(z.boolean()).default(false) }).loose(),
    ).optional(),
    // pixel_list.yml: page_size maximum 20; bububa: default 10.
    ...pagingParams(20, 10),
  }),
  handle({ input, runtime }) {
    const name = input.name?.trim().toLowerCase();
    const rows = [...runtime.store.pixels.values()]
      .filter(
        (pixel) =>
          pixel.advertiserId === input.advertiser_id &&
          (input.pixel_id === undefined || pixel.pixel_id === input.pixel_id) &&
          (input.code === undefined || pixel.pixel_code === input.code) &&
          (!name || pixel.pixel_name.toLowerCase().includes(name)),
      )
      .sort((left, right) =>
        input.order_by === 'EARLIEST_CREATE'
          ? left.create_time - right.create_time
          : right.create_time - left.create_time,
      );
    const { list, page_info } = paginate(rows, input.page, input.page_size);
    return { pixels: list.map(describePixel), page_info };
  },
});
