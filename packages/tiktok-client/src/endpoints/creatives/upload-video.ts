import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import type { CreateIdempotency } from '../../transport/tiktok-request.js';
import type { AdvertiserCall } from '../call-input.js';
import { videoSchema, type UploadSource, type Video } from './media-schemas.js';
import { uploadForm } from './upload-form.js';

/** Correction 7: the video upload answers an array (an object is read too). */
const uploadedSchema = z.union([
  z
    .array(videoSchema)
    .min(1)
    .transform((videos) => videos[0]!),
  videoSchema,
]);

export type UploadVideoInput = AdvertiserCall &
  UploadSource & {
    /** Must be unique per advertiser (40911); default the file's name. */
    fileName?: string | undefined;
    /** Every upload makes a new video_id, even for the same bytes: dedupe is ours (correction 7). */
    idempotency?: Pick<CreateIdempotency<Video>, 'lookup'> | undefined;
  };

/** POST /file/video/ad/upload/ (reference §5). The video transcodes for a while: 40901 until then. */
export const uploadVideo =
  (transport: Transport) =>
  (input: UploadVideoInput): Promise<Video> => {
    const common = { advertiser_id: input.advertiserId };
    const body =
      'file' in input
        ? uploadForm(
            { ...common, upload_type: 'UPLOAD_BY_FILE', file_name: input.fileName ?? input.file.fileName },
            'video_file',
            'video_signature',
            input.file,
          )
        : {
            ...common,
            upload_type: 'UPLOAD_BY_URL',
            video_url: input.url,
            ...(input.fileName === undefined ? {} : { file_name: input.fileName }),
          };
    return transport.send({
      method: 'POST',
      path: '/file/video/ad/upload/',
      effect: 'create',
      schema: uploadedSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body,
      idempotency: input.idempotency,
      signal: input.signal,
    });
  };
