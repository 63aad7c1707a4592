import type { EmulatorRuntime } from '../runtime.js';
import { formatDateTime, millisecondsPerDay } from '../state/clock.js';
import type { AdvertiserRecord, AudienceRecord } from '../state/records.js';

// Custom audiences the accounts start with, one of each kind an ad group commonly targets or
// leaves out. The kinds are the words bububa/tiktok-business `model/dmp/customaudience/list.go`
// gives for `audience_type`; the last one is still being calculated, so it is not valid yet.

type AudienceTemplate = Pick<
  AudienceRecord,
  'audience_type' | 'calculate_type' | 'cover_num' | 'is_valid' | 'is_auto_refresh'
> & { suffix: string };

const audienceTemplates: readonly AudienceTemplate[] = [
  {
    suffix: 'Customers',
    audience_type: 'Customer File Audience',
    calculate_type: 'EMAIL_SHA256',
    cover_num: 48_200,
    is_valid: true,
    is_auto_refresh: false,
  },
  {
    suffix: 'Website visitors, 30 days',
    audience_type: 'Website Audience',
    calculate_type: null,
    cover_num: 126_500,
    is_valid: true,
    is_auto_refresh: true,
  },
  {
    suffix: 'Lookalike of customers',
    audience_type: 'Lookalike Audience',
    calculate_type: null,
    cover_num: 2_310_000,
    is_valid: true,
    is_auto_refresh: false,
  },
  {
    suffix: 'Video viewers',
    audience_type: 'Engagement Audience',
    calculate_type: null,
    cover_num: 0,
    is_valid: false,
    is_auto_refresh: true,
  },
];

/** How many audiences an account can be seeded with (`sample_audiences` in a scenario). */
export const maximumSampleAudiences = audienceTemplates.length;

/**
 * The first `count` audiences of the templates, made a day apart after the account was opened.
 * bububa: an audience is "expiring" in the 60 days before `expired_time`; the seeds expire a year
 * after the scenario loads, so none is.
 */
export function seedAudiences(runtime: EmulatorRuntime, advertiser: AdvertiserRecord, count: number): void {
  const expires = formatDateTime(runtime.clock.now() + 365 * millisecondsPerDay);
  audienceTemplates.slice(0, count).forEach(({ suffix, ...template }, index) => {
    const audience: AudienceRecord = {
      ...template,
      advertiserId: advertiser.advertiserId,
      audience_id: runtime.ids.audienceId(),
      name: `${advertiser.name} ${suffix}`,
      audience_sub_type: 'NORMAL',
      is_expiring: false,
      create_time: formatDateTime(advertiser.createTime + (index + 1) * millisecondsPerDay),
      expired_time: expires,
    };
    runtime.store.audiences.set(audience.audience_id, audience);
  });
}
