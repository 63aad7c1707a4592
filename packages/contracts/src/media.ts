import { z } from 'zod';
import { calendarDateSchema } from './calendar-date.js';
import { tiktokIdField } from './query-fields.js';
import { controlCharacterPattern, searchTextSchema } from './text.js';

/**
 * The creative library (issue 13): each ad account's images and videos at TikTok, mirrored, and
 * the uploads Whathead makes into them. TikTok ids are strings (material ids pass 2^53).
 */
export const mediaKinds = ['image', 'video'] as const;
export const mediaKindSchema = z.enum(mediaKinds);
export type MediaKind = z.infer<typeof mediaKindSchema>;

/** The video shapes TikTok accepts, as the library filters by them (width:height, ±0.05). */
export const mediaRatios = ['9:16', '1:1', '16:9'] as const;
export type MediaRatio = (typeof mediaRatios)[number];

/** Width ÷ height of each ratio. */
export const mediaRatioValues: Record<MediaRatio, number> = { '9:16': 9 / 16, '1:1': 1, '16:9': 16 / 9 };

/** Largest files the upload takes: TikTok's own caps (reference, correction 7; library's 10 MB). */
export const mediaUploadLimits = { imageBytes: 10 * 1024 * 1024, videoBytes: 500 * 1024 * 1024 } as const;

const pageSizeMessage = 'The page size is a whole number from 1 to 200.';

export const mediaLibraryQuerySchema = z
  .strictObject({
    /** The ad account; none: the workspace's default account. */
    account: tiktokIdField.optional(),
    kind: mediaKindSchema.optional(),
    ratio: z.enum(mediaRatios, 'Choose 9:16, 1:1 or 16:9.').optional(),
    q: searchTextSchema.optional(),
    /** Uploaded on or after this day (UTC). */
    from: calendarDateSchema.optional(),
    /** Uploaded on or before this day (UTC). */
    to: calendarDateSchema.optional(),
    limit: z.coerce
      .number(pageSizeMessage)
      .int(pageSizeMessage)
      .min(1, pageSizeMessage)
      .max(200, pageSizeMessage)
      .default(60),
    /** The cursor a previous page answered with. */
    after: z.string().max(400, 'This page of the library is out of date. Load it again.').optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'The end date is before the start date.',
  });
export type MediaLibraryQuery = z.input<typeof mediaLibraryQuerySchema>;

/** One image or video of an ad account's TikTok library. */
export const mediaItemSchema = z.object({
  kind: mediaKindSchema,
  /** TikTok's image_id or video_id: what an ad names. */
  mediaId: z.string(),
  materialId: z.string().nullable(),
  fileName: z.string().nullable(),
  format: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** "1080×1920 (9:16)", or null when TikTok gave no size. */
  dimensions: z.string().nullable(),
  /** One of TikTok's ratios when within its tolerance, else null. */
  ratio: z.enum(mediaRatios).nullable(),
  bytes: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  /** The image, or the video's preview: TikTok's links, which expire (a refresh renews them). */
  previewUrl: z.string().nullable(),
  coverUrl: z.string().nullable(),
  /** False while TikTok still processes a video: it cannot go into an ad yet. */
  displayable: z.boolean().nullable(),
  createdAt: z.string().nullable(),
  /** How many ads of the campaign mirror use it; null while the mirror does not record creatives. */
  usedByAds: z.number().int().nullable(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const mediaLibraryStates = ['queued', 'importing', 'ready', 'failed', 'stopped'] as const;
export type MediaLibraryState = (typeof mediaLibraryStates)[number];

/** An ad account whose library the workspace may browse and upload to. */
export const mediaAccountSchema = z.object({
  advertiserId: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  state: z.enum(mediaLibraryStates),
  images: z.number().int(),
  videos: z.number().int(),
  lastSyncedAt: z.string().nullable(),
  /** Why the last refresh failed, in words. */
  error: z.string().nullable(),
});
export type MediaAccount = z.infer<typeof mediaAccountSchema>;

export const mediaAccountsResponseSchema = z.object({ accounts: z.array(mediaAccountSchema) });
export type MediaAccountsResponse = z.infer<typeof mediaAccountsResponseSchema>;

export const mediaLibraryResponseSchema = z.object({
  account: mediaAccountSchema,
  items: z.array(mediaItemSchema),
  nextCursor: z.string().nullable(),
});
export type MediaLibraryResponse = z.infer<typeof mediaLibraryResponseSchema>;

export const refreshMediaInputSchema = z.strictObject({
  /** The accounts to refresh; none: every account of the workspace. */
  advertiserIds: z.array(tiktokIdField).max(500, 'At most 500 ad accounts.').optional(),
});
export type RefreshMediaInput = z.infer<typeof refreshMediaInputSchema>;

/** One rule a file breaks, with its reason in words ("1080×1350 (4:5) — TikTok accepts …"). */
export const mediaProblemSchema = z.object({ code: z.string(), message: z.string() });
export type MediaProblem = z.infer<typeof mediaProblemSchema>;

/**
 * A file as Whathead read it, before anything goes to TikTok. `accepted`: it meets every rule, and
 * is held (by its SHA-256) until a batch names it.
 */
export const mediaFileCheckSchema = z.object({
  sha256: z.string(),
  fileName: z.string(),
  kind: mediaKindSchema.nullable(),
  format: z.string().nullable(),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  dimensions: z.string().nullable(),
  accepted: z.boolean(),
  problems: z.array(mediaProblemSchema),
});
export type MediaFileCheck = z.infer<typeof mediaFileCheckSchema>;

const fileNameMessage = 'A file name is 1 to 100 characters on one line, without / or \\.';

/** A file name as TikTok's upload takes it (reference §5: up to 100 characters). */
export const mediaFileNameSchema = z
  .string()
  .trim()
  .min(1, fileNameMessage)
  .max(100, fileNameMessage)
  .refine((name) => !controlCharacterPattern.test(name) && !/[/\\]/.test(name), fileNameMessage);

export const sha256Field = z.string().regex(/^[0-9a-f]{64}$/, 'Not a file Whathead checked.');

/**
 * The most one batch takes. Each file × account is an upload, a row and a job: 500 files to all
 * 50 accounts would be 25,000 of them, more rows than one insert binds (PostgreSQL's 65,535
 * parameters), and half a minute of queueing while the person waits for the answer.
 */
export const mediaBatchLimits = { files: 500, advertisers: 50, uploads: 5000 } as const;

export const createMediaBatchInputSchema = z
  .strictObject({
    files: z
      .array(z.strictObject({ sha256: sha256Field, fileName: mediaFileNameSchema }))
      .min(1, 'Choose at least one file.')
      // The same bytes listed twice (a copy under another name) go once, under the first name.
      .max(mediaBatchLimits.files, `Upload at most ${mediaBatchLimits.files} files at once.`),
    advertiserIds: z
      .array(tiktokIdField)
      .min(1, 'Choose at least one ad account.')
      .max(
        mediaBatchLimits.advertisers,
        `Upload to at most ${mediaBatchLimits.advertisers} ad accounts at once.`,
      )
      .refine((ids) => new Set(ids).size === ids.length, 'An ad account is listed twice.'),
  })
  .refine((input) => input.files.length * input.advertiserIds.length <= mediaBatchLimits.uploads, {
    path: ['files'],
    message: `Upload at most ${mediaBatchLimits.uploads.toLocaleString('en-US')} files × ad accounts at once (such as 500 files to 10 accounts): choose fewer files or fewer accounts.`,
  });
export type CreateMediaBatchInput = z.infer<typeof createMediaBatchInputSchema>;

export const mediaUploadStates = ['queued', 'uploading', 'processing', 'ready', 'failed'] as const;
export type MediaUploadState = (typeof mediaUploadStates)[number];

/** One file to one ad account. */
export const mediaUploadSchema = z.object({
  sha256: z.string(),
  advertiserId: z.string(),
  fileName: z.string(),
  state: z.enum(mediaUploadStates),
  bytes: z.number(),
  bytesSent: z.number(),
  /** TikTok's image_id or video_id once it is there. */
  mediaId: z.string().nullable(),
  /** The account had these bytes already: nothing was uploaded. */
  reused: z.boolean(),
  error: mediaProblemSchema.nullable(),
});
export type MediaUpload = z.infer<typeof mediaUploadSchema>;

export const mediaBatchSchema = z.object({
  batchId: z.string(),
  createdAt: z.string(),
  /** Who confirmed it, by display name; null once they left. */
  createdBy: z.string().nullable(),
  uploads: z.array(mediaUploadSchema),
  counts: z.object({
    queued: z.number().int(),
    uploading: z.number().int(),
    processing: z.number().int(),
    ready: z.number().int(),
    failed: z.number().int(),
  }),
});
export type MediaBatch = z.infer<typeof mediaBatchSchema>;

/** The workspace's latest batches, newest first, with every unfinished one. */
export const mediaBatchesResponseSchema = z.object({ batches: z.array(mediaBatchSchema) });
export type MediaBatchesResponse = z.infer<typeof mediaBatchesResponseSchema>;

export const mediaBatchParamsSchema = z.strictObject({
  workspaceId: z.uuid('Not a workspace id.'),
  batchId: z.uuid('Not an upload batch.'),
});
