import { z } from 'zod';
import { ApiError, fieldError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import { idString, integerParam, jsonParam, numberParam, pagingParams } from '../http/params.js';
import { formatDateTime } from '../state/clock.js';
import type { ImageRecord } from '../state/records.js';
import { withFileSource } from './byte-source.js';
import { probeImage } from './media-probe.js';
import { baseUrlOf, mediaPath } from './media-urls.js';
import {
  checkSignature,
  checkUniqueName,
  checkUploadedFile,
  normaliseFileName,
  uploadedFileSchema,
} from './upload-rules.js';
import { matchesDimensions } from './media-filters.js';

/** Correction 7: JPG/JPEG/PNG up to 3,686,400 pixels. */
const maximumPixels = 3_686_400;

/** TikTok answers absolute URLs; the record keeps the path, so any host the emulator is reached by works. */
export const describeImage = (image: ImageRecord, baseUrl: string) => {
  const { advertiserId: _advertiserId, ...fields } = image;
  return { ...fields, image_url: new URL(image.image_url, baseUrl).href };
};

/** Correction 7: the image upload answers one object (the video upload an array). */
export const imageUploadEndpoint = defineEndpoint({
  method: 'POST',
  path: '/file/image/ad/upload/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  multipart: true,
  permissions: () => [601],
  input: z.object({
    advertiser_id: idString(),
    upload_type: z.enum(['UPLOAD_BY_FILE', 'UPLOAD_BY_URL', 'UPLOAD_BY_FILE_ID']).default('UPLOAD_BY_FILE'),
    image_file: uploadedFileSchema.optional(),
    image_signature: z.string().optional(),
    image_url: z.string().optional(),
    file_id: z.string().optional(),
    file_name: z.string().min(1).optional(),
  }),
  async handle({ input, runtime, now, request }) {
    if (input.upload_type === 'UPLOAD_BY_URL') {
      if (!input.image_url) throw fieldError('image_url', 'Missing data for required field.');
      // Offline: the emulator cannot fetch a URL, so it answers as TikTok does for an unreachable one.
      throw new ApiError(40912, 'The image URL is unavailable.');
    }
    if (input.upload_type === 'UPLOAD_BY_FILE_ID') throw fieldError('file_id', 'The file does not exist.');
    const file = checkUploadedFile(input.image_file, 'image_file', runtime.settings.maximumImageBytes);
    if (!input.image_signature) throw fieldError('image_signature', 'Missing data for required field.');
    const signature = checkSignature(file, input.image_signature);
    const probe = await withFileSource(file.path, probeImage);
    if (!probe) throw new ApiError(40908, 'image_file: Unsupported file type; use JPG, JPEG or PNG.');
    if (probe.width * probe.height > maximumPixels) {
      throw new ApiError(
        40915,
        `image_file: The image has ${probe.width * probe.height} pixels; at most ${maximumPixels} are allowed.`,
      );
    }
    const fileName = normaliseFileName(input.file_name ?? file.fileName);
    const library = [...runtime.store.images.values()].filter(
      (image) => image.advertiserId === input.advertiser_id,
    );
    checkUniqueName(
      library.map((image) => image.file_name),
      fileName,
    );
    // Synchronous from the name check to the store, so a concurrent upload cannot take the name.
    const path = runtime.files.keep(file.path);
    const imageId = runtime.ids.imageId(now);
    const time = formatDateTime(now);
    const image: ImageRecord = {
      advertiserId: input.advertiser_id,
      image_id: imageId,
      material_id: runtime.ids.materialId(),
      width: probe.width,
      height: probe.height,
      format: probe.format,
      image_url: mediaPath(imageId),
      signature,
      size: file.size,
      file_name: fileName,
      is_carousel_usable: probe.width >= 600,
      displayable: true,
      create_time: time,
      modify_time: time,
    };
    runtime.store.images.set(imageId, image);
    runtime.store.media.set(imageId, { mimeType: `image/${probe.format}`, path });
    return describeImage(image, baseUrlOf(request));
  },
});

export const imageInfoEndpoint = defineEndpoint({
  method: 'GET',
  path: '/file/image/ad/info/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [600],
  input: z.object({ advertiser_id: idString(), image_ids: jsonParam(z.array(z.string()).min(1).max(100)) }),
  handle({ input, runtime, request }) {
    const list = input.image_ids
      .map((imageId) => runtime.store.images.get(imageId))
      .filter((image) => image !== undefined && image.advertiserId === input.advertiser_id)
      .map((image) => describeImage(image!, baseUrlOf(request)));
    return { list };
  },
});

/** Not in the SDK, but permission 600 lists it and airbyte pages it by 100 (reference §5). */
export const imageSearchEndpoint = defineEndpoint({
  method: 'GET',
  path: '/file/image/ad/search/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [600],
  input: z.object({
    advertiser_id: idString(),
    filtering: jsonParam(
      z
        .object({
          image_ids: z.array(z.string()).max(100).optional(),
          material_ids: z.array(idString()).max(100).optional(),
          width: integerParam(z.number().int()).optional(),
          height: integerParam(z.number().int()).optional(),
          ratio: z.array(numberParam(z.number())).optional(),
        })
        .loose(),
    ).optional(),
    ...pagingParams(100, 20),
  }),
  handle({ input, runtime, request }) {
    const filtering = input.filtering ?? {};
    const rows = [...runtime.store.images.values()]
      .filter((image) => image.advertiserId === input.advertiser_id)
      .filter((image) => !filtering.image_ids || filtering.image_ids.includes(image.image_id))
      .filter((image) => !filtering.material_ids || filtering.material_ids.includes(image.material_id))
      .filter((image) => matchesDimensions(image, filtering))
      .map((image) => describeImage(image, baseUrlOf(request)));
    return paginate(rows, input.page, input.page_size);
  },
});
