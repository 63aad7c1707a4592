import { z } from 'zod';
import { fieldError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { idString, jsonParam } from '../http/params.js';
import type { AdvertiserRecord } from '../state/records.js';

/** Reference §10: contact fields are masked, e.g. "+18023****63" and "i***@**". */
export const maskPhone = (phone: string): string =>
  phone.length <= 8 ? '****' : `${phone.slice(0, 6)}****${phone.slice(-2)}`;
export const maskEmail = (email: string): string => `${email.slice(0, 1)}***@**`;

function describeAdvertiser(advertiser: AdvertiserRecord): Record<string, unknown> {
  return {
    advertiser_id: advertiser.advertiserId,
    name: advertiser.name,
    company: advertiser.company,
    status: advertiser.status,
    role: advertiser.role,
    currency: advertiser.currency,
    timezone: advertiser.timezone,
    display_timezone: advertiser.displayTimezone,
    country: advertiser.country,
    industry: advertiser.industry,
    language: 'en',
    balance: advertiser.balance,
    // Reference §10: advertiser create_time is Unix seconds, unlike every other time.
    create_time: Math.floor(advertiser.createTime / 1000),
    email: maskEmail(advertiser.email),
    cellphone_number: maskPhone(advertiser.cellphoneNumber),
    telephone_number: maskPhone(advertiser.cellphoneNumber),
    contacter: `${advertiser.company.slice(0, 1)}***`,
    address: '',
    description: '',
    brand: advertiser.name,
    license_no: '',
    license_url: null,
    license_city: null,
    license_province: null,
    promotion_area: '0',
    promotion_center_city: null,
    promotion_center_province: null,
    rejection_reason: advertiser.rejectionReason,
    advertiser_account_type: 'AUCTION',
    // Correction 14: an individually owned account has no Business Center; we answer "".
    owner_bc_id: advertiser.bcId ?? '',
  };
}

const knownFields = Object.keys(
  describeAdvertiser({ company: '', cellphoneNumber: '', email: '' } as AdvertiserRecord),
);

/** Reference §3.4 + correction 11: every field without `fields`; the id cap is a settings knob. */
export const advertiserInfoEndpoint = defineEndpoint({
  method: 'GET',
  path: '/advertiser/info/',
  authentication: 'token',
  permissions: () => [100],
  advertiserIds: (input) => input.advertiser_ids,
  input: z.object({
    advertiser_ids: jsonParam(z.array(idString()).min(1)),
    fields: jsonParam(z.array(z.string())).optional(),
  }),
  handle({ input, runtime }) {
    const maximum = runtime.settings.advertiserInfoMaxIds;
    if (input.advertiser_ids.length > maximum)
      throw fieldError('advertiser_ids', `Longer than maximum length ${maximum}.`);
    const unknown = input.fields?.find((field) => !knownFields.includes(field));
    if (unknown) throw fieldError('fields', `Invalid field: ${unknown}.`);
    const list = [...new Set(input.advertiser_ids)].map((advertiserId) => {
      const full = describeAdvertiser(runtime.store.advertisers.get(advertiserId)!);
      return input.fields ? Object.fromEntries(input.fields.map((field) => [field, full[field]])) : full;
    });
    return { list };
  },
});
