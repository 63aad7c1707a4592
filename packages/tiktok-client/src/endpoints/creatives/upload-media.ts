import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import type { CreateIdempotency } from '../../transport/tiktok-request.js';
import type { AdvertiserCall } from '../call-input.js';
import type { UploadSource } from './media-schemas.js';
import { uploadForm } from './upload-form.js';

export type UploadMediaInput<Media> = AdvertiserCall &
  UploadSource & {
    /** Unique per advertiser for images and videos alike (correction 7, else 40911); default the file's name. */
    fileName?: string | undefined;
    /** Every upload makes a new asset, even for the same bytes: retried after an ambiguous failure only with a lookup. */
    idempotency?: Pick<CreateIdempotency<Media>, 'lookup'> | undefined;
    /** How long one attempt may take: a large file needs longer than the client's default. */
    timeoutMilliseconds?: number | undefined;
  };

/**
 * POST /file/{image|video}/ad/upload/ (reference §5). The two endpoints differ only in their field
 * names and answer shape: correction 7 says images answer an object and videos an array, and
 * clients have seen both, so either is read.
 */
export const mediaUpload =
  <Media>(kind: 'image' | 'video', mediaSchema: z.ZodType<Media>) =>
  (transport: Transport) =>
  (input: UploadMediaInput<Media>): Promise<Media> => {
    const common = { advertiser_id: input.advertiserId };
    const body =
      'file' in input
        ? uploadForm(
            { ...common, upload_type: 'UPLOAD_BY_FILE', file_name: input.fileName ?? input.file.fileName },
            `${kind}_file`,
            `${kind}_signature`,
            input.file,
          )
        : {
            ...common,
            upload_type: 'UPLOAD_BY_URL',
            [`${kind}_url`]: input.url,
            ...(input.fileName === undefined ? {} : { file_name: input.fileName }),
          };
    return transport.send({
      method: 'POST',
      path: `/file/${kind}/ad/upload/`,
      effect: 'create',
      schema: z.union([
        mediaSchema,
        z
          .array(mediaSchema)
          .min(1)
          .transform((assets) => assets[0]!),
      ]),
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body,
      idempotency: input.idempotency,
      timeoutMilliseconds: input.timeoutMilliseconds,
      signal: input.signal,
    });
  };
