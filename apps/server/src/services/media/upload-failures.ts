import type { MediaProblem } from '@whathead/contracts';
import { TikTokApiError } from '@whathead/tiktok-client';
import { TokenUnreadableError } from '../../lib/token-cipher.js';
import { accountRefusalOf, attentionCauseOf, toAppError } from '../tiktok-errors.js';

/**
 * TikTok's upload refusals (reference §7, rows 40900–40916) in the words shown beside the file:
 * what TikTok objected to and what to do. The code stays with it, for support and the logs.
 */
const uploadRefusals: Record<number, (kind: string) => string> = {
  40900: () => 'The file changed while it was sent (TikTok’s check of its contents failed). Upload it again.',
  40904: () =>
    'TikTok refused the image’s content as not allowed in ads. Choose another image, or see TikTok’s ad policies.',
  40905: () => 'TikTok received no file. Upload it again.',
  40906: () => 'TikTok received an empty file. Check the file, then upload it again.',
  40907: (kind) =>
    kind === 'video'
      ? 'Too large for TikTok, which takes videos up to 500 MB. Export it at a lower bit rate.'
      : 'Too large for TikTok, which takes images up to 10 MB. Export it smaller.',
  40908: (kind) =>
    kind === 'video'
      ? 'TikTok does not take this video format. Use MP4, MOV, MPEG or AVI.'
      : 'TikTok does not take this image format. Use JPG or PNG.',
  40909: () => 'TikTok could not read the file’s type. Export it again as JPG, PNG or MP4.',
  40910: () => 'TikTok says the upload expired before it finished. Upload it again.',
  40915: (kind) =>
    kind === 'video'
      ? 'TikTok refused the video’s size or shape: it takes 9:16, 1:1 or 16:9, from 5 seconds to 10 minutes.'
      : 'TikTok refused the image’s size or shape. Check TikTok’s image specs for the placement.',
  40916: () =>
    'TikTok refused the video’s content as not allowed in ads. Choose another video, or see TikTok’s ad policies.',
};

/** A broken connection, however the upload learnt of it. */
export const reconnectProblem: MediaProblem = {
  code: 'reconnect',
  message: 'The TikTok connection needs attention. Reconnect it in Integrations, then use Retry failed.',
};

/** Why an upload failed, in words, or undefined when it should simply be tried again later. */
export function uploadFailure(error: unknown, kind: string, fileName: string): MediaProblem | undefined {
  if (error instanceof TokenUnreadableError || attentionCauseOf(error)) return reconnectProblem;
  if (TikTokApiError.isInstance(error)) {
    const words = error.code === undefined ? undefined : uploadRefusals[error.code];
    if (words) return { code: String(error.code), message: words(kind) };
    if (error.code === 40911)
      return {
        code: '40911',
        message: `This ad account already has a different file named “${fileName}”. Rename the file, then upload it again.`,
      };
    if (accountRefusalOf(error)?.kind === 'not_eligible')
      return {
        code: String(error.code),
        message:
          'TikTok does not allow API access to this ad account, so Whathead cannot upload to it. Ask TikTok to make it eligible for API access.',
      };
    if (accountRefusalOf(error)?.kind === 'write_refused')
      return {
        code: String(error.code),
        message:
          'The connected TikTok user may only view this ad account. Ask for an Operator or Admin role on it in TikTok Business Center.',
      };
    if (error.kind === 'rate_limited' || error.kind === 'transient') return undefined;
  }
  const appError = toAppError(error);
  if (appError.code === 'tiktok_rate_limited' || appError.code === 'tiktok_unavailable') return undefined;
  return { code: appError.code, message: appError.message };
}
