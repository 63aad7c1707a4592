import { z } from 'zod';

/**
 * Every machine-readable error code the API can answer with. The web app maps each code to what
 * the user sees in one place (apps/web/src/lib/error-messages.ts), so a code never changes meaning.
 */
export const errorCodes = [
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'csrf_rejected',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'email_taken',
  'invalid_credentials',
  'too_many_attempts',
  'server_busy',
  'password_reset_invalid',
  'invitation_invalid',
  'invitation_email_mismatch',
  'already_member',
  'tiktok_authorization_invalid',
  'tiktok_grant_expired',
  'tiktok_permission_denied',
  'tiktok_reconnect_required',
  'tiktok_account_not_usable',
  'tiktok_advertiser_unavailable',
  'campaign_not_editable',
  'draft_conflict',
  'draft_publishing',
  'draft_invalid',
  'publish_reviewed',
  'tiktok_refused',
  'tiktok_rate_limited',
  'tiktok_unavailable',
  'internal',
  'unavailable',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** One problem with one input field; `path` is the dotted location in the request body or query. */
export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The one shape of every failure the API returns. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z
      .object({
        issues: z.array(fieldIssueSchema).optional(),
        retryAfterSeconds: z.number().int().optional(),
        /**
         * When TikTok's pause ends (ISO time), for "Wait until 8:31 PM, then try again": nothing retries
         * the person's own request. 00:00 UTC means TikTok's day budget.
         */
        retryAt: z.iso.datetime().optional(),
        /** A draft saved by someone else since it was opened (draft_conflict). */
        conflict: z
          .object({
            version: z.number().int(),
            updatedAt: z.string(),
            updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
          })
          .optional(),
      })
      .optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
