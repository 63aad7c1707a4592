import { z } from 'zod';
import { singleLineTextSchema } from '../text.js';
import { draftDocumentSchema } from './draft-nodes.js';
import { publishActions } from './publish-plan.js';

/** Drafts: the builder's saved work, one document per draft, versioned against lost updates. */

/** A draft's version as the database counts it (a 32-bit integer). */
const draftVersionSchema = z.number().int().nonnegative().max(2_147_483_647);

export const draftNameSchema = singleLineTextSchema({ empty: 'Give the draft a name.' }, 120);

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const draftSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  campaigns: z.number().int(),
  items: z.number().int(),
  updatedAt: z.string(),
  updatedBy: person,
  /** A publish of this draft that has not finished: the draft is read-only until it does. */
  activePublishId: z.string().nullable(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftListResponseSchema = z.object({ drafts: z.array(draftSummarySchema) });
export type DraftListResponse = z.infer<typeof draftListResponseSchema>;

export const draftSchema = draftSummarySchema.extend({ document: draftDocumentSchema });
export type Draft = z.infer<typeof draftSchema>;

export const createDraftInputSchema = z.strictObject({ name: draftNameSchema.optional() });
export type CreateDraftInput = z.input<typeof createDraftInputSchema>;

/** Auto-save: the version the browser started from; a newer one on the server is a conflict. */
export const saveDraftInputSchema = z.strictObject({
  version: draftVersionSchema,
  name: draftNameSchema,
  document: draftDocumentSchema,
});
export type SaveDraftInput = z.input<typeof saveDraftInputSchema>;

export const saveDraftResponseSchema = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
});

/** The body of a 409: who saved the newer version, so the user knows whose work they'd replace. */
export const draftConflictSchema = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: person,
});
export type DraftConflict = z.infer<typeof draftConflictSchema>;

export const draftIssueSchema = z.object({
  key: z.string(),
  field: z.string().nullable(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

const fieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const planItemSchema = z.object({
  key: z.string(),
  level: z.enum(['campaign', 'adgroup', 'ad']),
  name: z.string(),
  advertiserId: z.string(),
  parentKey: z.string().nullable(),
  action: z.enum(publishActions),
  changes: z.array(fieldChangeSchema),
});

const counts = z.object({ create: z.number().int(), update: z.number().int(), skip: z.number().int() });

/** What Publish would do, checked on the server against the saved version. */
export const publishPreviewSchema = z.object({
  version: z.number().int(),
  issues: z.array(draftIssueSchema),
  items: z.array(planItemSchema),
  counts,
  /** Guardrails this publish would break: it then waits for a second owner or admin. */
  guardrailBreaches: z.array(z.string()),
});
export type PublishPreview = z.infer<typeof publishPreviewSchema>;

export const startPublishInputSchema = z.strictObject({ version: draftVersionSchema });

export const publishStates = [
  'awaiting_approval',
  'queued',
  'running',
  'blocked',
  'succeeded',
  'failed',
  'rejected',
] as const;
export type PublishState = (typeof publishStates)[number];

export const publishItemStates = ['pending', 'sending', 'confirmed', 'failed', 'skipped', 'waiting'] as const;
export type PublishItemState = (typeof publishItemStates)[number];

export const publishItemSchema = planItemSchema.extend({
  state: z.enum(publishItemStates),
  tiktokId: z.string().nullable(),
  /** TikTok's refusal in words, and the field it concerns when TikTok names one. */
  error: z.string().nullable(),
  errorField: z.string().nullable(),
});
export type PublishItem = z.infer<typeof publishItemSchema>;

export const publishSchema = z.object({
  id: z.string(),
  draftId: z.string(),
  draftName: z.string(),
  state: z.enum(publishStates),
  counts,
  items: z.array(publishItemSchema),
  requestedBy: person,
  reviewedBy: person,
  guardrailBreaches: z.array(z.string()),
  /** Why a blocked publish waits (a connection to reconnect), in words. */
  blockedReason: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type Publish = z.infer<typeof publishSchema>;

export const publishListResponseSchema = z.object({
  publishes: z.array(publishSchema.omit({ items: true })),
});

export const guardrailsSchema = z.strictObject({
  /** The most an ad group may be given a day, in its account's currency; null: no limit. */
  maxAdGroupDailyBudget: z.number().positive().max(1e9).nullable(),
  /** The most a publish may raise a budget, in per cent; null: no limit. */
  maxBudgetIncreasePercent: z.number().positive().max(100_000).nullable(),
});
export type Guardrails = z.infer<typeof guardrailsSchema>;
