import { z } from 'zod';

// Reference §3.4: every advertiser status TikTok documents; the default scenario uses several.
export const advertiserStatuses = [
  'STATUS_ENABLE',
  'STATUS_DISABLE',
  'STATUS_PENDING_CONFIRM',
  'STATUS_PENDING_VERIFIED',
  'STATUS_CONFIRM_FAIL',
  'STATUS_CONFIRM_FAIL_END',
  'STATUS_PENDING_CONFIRM_MODIFY',
  'STATUS_CONFIRM_MODIFY_FAIL',
  'STATUS_LIMIT',
  'STATUS_WAIT_FOR_BPM_AUDIT',
  'STATUS_WAIT_FOR_PUBLIC_AUTH',
  'STATUS_SELF_SERVICE_UNAUDITED',
  'STATUS_CONTRACT_PENDING',
] as const;
export type AdvertiserStatus = (typeof advertiserStatuses)[number];

// Reference §3.1 / §3.2: Business Center and asset roles.
export const businessCenterRoles = ['ADMIN', 'STANDARD'] as const;
export type BusinessCenterRole = (typeof businessCenterRoles)[number];
export const advertiserRoles = ['ADMIN', 'OPERATOR', 'ANALYST'] as const;
export type AdvertiserRole = (typeof advertiserRoles)[number];

const accountId = z.string().regex(/^[67]\d{18}$/, 'must be a 19-digit id starting with 6 or 7');

const generatedEntitiesSchema = z
  .object({
    campaigns: z.number().int().min(0).max(100_000),
    ad_groups: z.number().int().min(0).max(500_000),
    ads: z.number().int().min(0).max(2_000_000),
  })
  .refine((counts) => counts.ad_groups === 0 || counts.campaigns > 0, {
    message: 'ad groups need at least one campaign',
    path: ['campaigns'],
  })
  .refine((counts) => counts.ads === 0 || counts.ad_groups > 0, {
    message: 'ads need at least one ad group',
    path: ['ad_groups'],
  })
  // /ad/create/ refuses a 21st live ad in an ad group (`maximumAdsPerAdgroup`'s default).
  .refine((counts) => counts.ads <= counts.ad_groups * 20, {
    message: 'at most 20 ads per ad group',
    path: ['ads'],
  });

const advertiserSchema = z.object({
  advertiser_id: accountId,
  name: z.string().min(1),
  company: z.string().optional(),
  status: z.enum(advertiserStatuses).default('STATUS_ENABLE'),
  /** false models "Account not eligible for API access" (../shared/seed): granted, listed, unusable. */
  api_eligible: z.boolean().default(true),
  role: z
    .enum(['ROLE_ADVERTISER', 'ROLE_CHILD_ADVERTISER', 'ROLE_CHILD_AGENT', 'ROLE_AGENT'])
    .default('ROLE_ADVERTISER'),
  currency: z.string().length(3).default('USD'),
  /** TikTok's own zone name (e.g. "Etc/GMT+5"); reports use display_timezone. */
  timezone: z.string().default('Etc/GMT+5'),
  display_timezone: z.string().default('America/New_York'),
  country: z.string().length(2).default('US'),
  industry: z.string().default('291905'),
  email: z.string().default('ads@example.com'),
  cellphone_number: z.string().default('+12025550143'),
  balance: z.number().default(0),
  rejection_reason: z.string().optional(),
  created: z.string().default('2024-03-01 09:30:00'),
  /** Campaigns (each with ad groups and ads) that already exist when the scenario loads, for reports. */
  sample_campaigns: z.number().int().min(0).max(50).default(0),
  /**
   * An account at scale, made at load without an API call (ads/generated-entities.ts): this many
   * campaigns, ad groups and ads, spread evenly over their parents, with names, statuses, budgets
   * and times drawn from the seed.
   */
  generated_entities: generatedEntitiesSchema.optional(),
  members: z.array(z.object({ email: z.string(), advertiser_role: z.enum(advertiserRoles) })).default([]),
  /** Pixels the account starts with (pixels/sample-pixels.ts): a website pixel, then a lead-form one. */
  sample_pixels: z.number().int().min(0).max(2).default(2),
  /** Apps the account promotes (apps/sample-apps.ts): the Android app, then the iOS one. */
  sample_apps: z.number().int().min(0).max(2).default(2),
  /**
   * Custom audiences the account has (audiences/sample-audiences.ts): customers from a file,
   * website visitors, a lookalike, then video viewers still being calculated.
   */
  sample_audiences: z.number().int().min(0).max(4).default(4),
});

const businessCenterSchema = z.object({
  bc_id: accountId,
  name: z.string().min(1),
  company: z.string().optional(),
  currency: z.string().length(3).default('USD'),
  timezone: z.string().default('America/New_York'),
  registered_area: z.string().length(2).default('US'),
  status: z.enum(['REVIEWING', 'DENY', 'ENABLE', 'PUNISH']).default('ENABLE'),
  type: z.enum(['NORMAL', 'AGENCY', 'DIRECT', 'SELF_SERVICE', 'SELF_SERVICE_AGENCY']).default('NORMAL'),
  members: z.array(
    z.object({
      email: z.string(),
      user_role: z.enum(businessCenterRoles),
      finance_role: z.enum(['MANAGER', 'ANALYST']).optional(),
      relation_status: z.enum(['BOUND', 'PENDING', 'REJECTED', 'UNBOUND']).default('BOUND'),
    }),
  ),
  advertisers: z.array(advertiserSchema).default([]),
});

export const scenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().default(''),
    users: z
      .array(
        z.object({
          user_id: z.string().regex(/^\d{19}$/, 'must be a 19-digit id'),
          email: z.string().min(3),
          password: z.string().min(1),
          display_name: z.string().min(1),
          /**
           * Correction 14: ad accounts the user owns outside any Business Center (`relation_type`
           * OWNER_INDIVIDUAL); the owner has full access and no `/bc/asset/get/` lists them.
           */
          owned_advertisers: z.array(advertiserSchema).default([]),
        }),
      )
      .min(1),
    business_centers: z.array(businessCenterSchema),
  })
  .superRefine((scenario, context) => {
    const emails = new Set(scenario.users.map((user) => user.email));
    const seenIds = new Set<string>();
    const checkIds = (idList: string[], path: (string | number)[]) => {
      for (const id of idList) {
        if (seenIds.has(id)) context.addIssue({ code: 'custom', message: `duplicate id ${id}`, path });
        seenIds.add(id);
      }
    };
    const checkEmails = (emailList: string[], path: (string | number)[]) => {
      for (const email of emailList.filter((candidate) => !emails.has(candidate)))
        context.addIssue({ code: 'custom', message: `unknown user ${email}`, path });
    };
    const assignedEmails = (advertisers: ScenarioAdvertiserInput[]) =>
      advertisers.flatMap((advertiser) => advertiser.members.map((member) => member.email));
    scenario.business_centers.forEach((center, centerIndex) => {
      const path = ['business_centers', centerIndex];
      checkIds([center.bc_id, ...center.advertisers.map((advertiser) => advertiser.advertiser_id)], path);
      checkEmails(
        [...center.members.map((member) => member.email), ...assignedEmails(center.advertisers)],
        path,
      );
    });
    scenario.users.forEach((user, userIndex) => {
      const path = ['users', userIndex, 'owned_advertisers'];
      checkIds(
        user.owned_advertisers.map((advertiser) => advertiser.advertiser_id),
        path,
      );
      checkEmails(assignedEmails(user.owned_advertisers), path);
    });
  });

type ScenarioAdvertiserInput = z.output<typeof advertiserSchema>;

export type ScenarioDefinition = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioAdvertiser = Scenario['business_centers'][number]['advertisers'][number];
export type ScenarioBusinessCenter = Scenario['business_centers'][number];

/** Every ad account of a scenario: those of its Business Centers, then those owned individually. */
export const scenarioAdvertisers = (scenario: Scenario): ScenarioAdvertiser[] => [
  ...scenario.business_centers.flatMap((center) => center.advertisers),
  ...scenario.users.flatMap((user) => user.owned_advertisers),
];
