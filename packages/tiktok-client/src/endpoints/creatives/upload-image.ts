import { z } from 'zod';
import type { Transport } from '../../transport/create-transport.js';
import type { CreateIdempotency } from '../../transport/tiktok-request.js';
import type { AdvertiserCall } from '../call-input.js';
import { imageSchema, type Image, type UploadSource } from './media-schemas.js';
import { uploadForm } from './upload-form.js';

/** Correction 7: the image upload answers an object; some clients saw an array, so both are read. */
const uploadedSchema = z.union([
  imageSchema,
  z
    .array(imageSchema)
    .min(1)
    .transform((images) => images[0]!),
]);

export type UploadImageInput = AdvertiserCall &
  UploadSource & {
    /** Unique per advertiser (correction 7, else 40911); default the file's name. */
    fileName?: string | undefined;
    /** An upload makes a new image: retried after an ambiguous failure only with a lookup. */
    idempotency?: Pick<CreateIdempotency<Image>, 'lookup'> | undefined;
  };

/** POST /file/image/ad/upload/ (reference §5). */
export const uploadImage =
  (transport: Transport) =>
  (input: UploadImageInput): Promise<Image> => {
    const common = { advertiser_id: input.advertiserId };
    const body =
      'file' in input
        ? uploadForm(
            { ...common, upload_type: 'UPLOAD_BY_FILE', file_name: input.fileName ?? input.file.fileName },
            'image_file',
            'image_signature',
            input.file,
          )
        : {
            ...common,
            upload_type: 'UPLOAD_BY_URL',
            image_url: input.url,
            ...(input.fileName === undefined ? {} : { file_name: input.fileName }),
          };
    return transport.send({
      method: 'POST',
      path: '/file/image/ad/upload/',
      effect: 'create',
      schema: uploadedSchema,
      accessToken: input.accessToken,
      advertiserId: input.advertiserId,
      body,
      idempotency: input.idempotency,
      signal: input.signal,
    });
  };
