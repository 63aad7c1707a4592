import type { EmulatorRuntime } from '../runtime.js';
import { millisecondsPerDay } from '../state/clock.js';
import type { AdvertiserRecord, PixelEventRecord, PixelRecord } from '../state/records.js';

// Pixels the accounts start with. Event names pair a standard web event with the
// `optimization_event` an ad group optimises for (bububa/tiktok-business `enum/optimization_event.go`,
// "Pixel 事件类型": SHOPPING, ON_WEB_ORDER (deprecated there), FORM…; PAGE_VIEW has none).

type EventTemplate = readonly [
  name: string,
  code: string,
  eventType: string,
  optimizationEvent: string | null,
  statisticType: 'EVERY_TIME' | 'ONCE',
  deprecated?: boolean,
];

const pixelTemplates: readonly { suffix: string; category: string; events: readonly EventTemplate[] }[] = [
  {
    suffix: 'Website',
    category: 'ONLINE_STORE',
    events: [
      ['Page View', 'PageView', 'PAGE_VIEW', null, 'EVERY_TIME'],
      ['View Content', 'ViewContent', 'ON_WEB_DETAIL', 'ON_WEB_DETAIL', 'EVERY_TIME'],
      ['Add to Cart', 'AddToCart', 'ON_WEB_CART', 'ON_WEB_CART', 'EVERY_TIME'],
      ['Initiate Checkout', 'InitiateCheckout', 'INITIATE_ORDER', 'INITIATE_ORDER', 'EVERY_TIME'],
      ['Complete Payment', 'CompletePayment', 'SHOPPING', 'SHOPPING', 'EVERY_TIME'],
      ['Place an Order', 'PlaceAnOrder', 'ON_WEB_ORDER', 'ON_WEB_ORDER', 'EVERY_TIME', true],
    ],
  },
  {
    suffix: 'Lead forms',
    category: 'FILLING_FORM',
    events: [
      ['Submit Form', 'SubmitForm', 'FORM', 'FORM', 'EVERY_TIME'],
      ['Complete Registration', 'CompleteRegistration', 'ON_WEB_REGISTER', 'ON_WEB_REGISTER', 'ONCE'],
      ['Contact', 'Contact', 'CONSULT', 'CONSULT', 'EVERY_TIME'],
    ],
  },
];

/** How many pixels an account can be seeded with (`sample_pixels` in a scenario). */
export const maximumSamplePixels = pixelTemplates.length;

/** The first `count` pixels of the templates, made a day apart after the account was opened. */
export function seedPixels(runtime: EmulatorRuntime, advertiser: AdvertiserRecord, count: number): void {
  pixelTemplates.slice(0, count).forEach((template, index) => {
    const events = template.events.map(
      ([name, code, eventType, optimizationEvent, statisticType, deprecated = false]): PixelEventRecord => ({
        event_id: runtime.ids.assetId(),
        event_code: code,
        name,
        event_type: eventType,
        optimization_event: optimizationEvent,
        statistic_type: statisticType,
        currency: advertiser.currency,
        currency_value: '',
        deprecated,
        rules: [],
      }),
    );
    const pixel: PixelRecord = {
      advertiserId: advertiser.advertiserId,
      pixel_id: runtime.ids.assetId(),
      pixel_code: runtime.ids.pixelCode(),
      pixel_name: `${advertiser.name} ${template.suffix}`,
      pixel_category: template.category,
      // bububa model/pixel/pixel.go: pixels made since 2022-09-15 are all in developer mode.
      pixel_setup_mode: 'DEVELOPER',
      create_time: advertiser.createTime + (index + 1) * millisecondsPerDay,
      events,
    };
    runtime.store.pixels.set(pixel.pixel_id, pixel);
  });
}
