import { z } from 'zod';
import {
  idSchema,
  optionalBoolean,
  optionalName,
  optionalNumber,
  optionalString,
} from '../../transport/wire-schemas.js';

/** Reference §5: an image of the ad library (image ids are path-like, material ids numeric). */
export const imageSchema = z
  .object({
    image_id: z.string().min(1),
    material_id: idSchema.nullish(),
    width: optionalNumber,
    height: optionalNumber,
    format: optionalString,
    image_url: optionalString,
    signature: optionalString,
    size: optionalNumber,
    file_name: optionalName,
    displayable: optionalBoolean,
    create_time: optionalString,
  })
  .transform((row) => ({
    imageId: row.image_id,
    materialId: row.material_id ?? undefined,
    width: row.width,
    height: row.height,
    format: row.format,
    imageUrl: row.image_url,
    signature: row.signature,
    sizeBytes: row.size,
    fileName: row.file_name,
    displayable: row.displayable,
    createTime: row.create_time,
  }));

export type Image = z.output<typeof imageSchema>;

/** Reference §5: a video; cover and preview stay empty while it transcodes. */
export const videoSchema = z
  .object({
    video_id: z.string().min(1),
    material_id: idSchema.nullish(),
    video_cover_url: optionalString,
    preview_url: optionalString,
    // Reference §10: a "YYYY-MM-DD HH:MM:SS" datetime; the preview link stops working then.
    preview_url_expire_time: optionalString,
    format: optionalString,
    duration: optionalNumber,
    width: optionalNumber,
    height: optionalNumber,
    signature: optionalString,
    size: optionalNumber,
    file_name: optionalName,
    displayable: optionalBoolean,
    create_time: optionalString,
  })
  .transform((row) => ({
    videoId: row.video_id,
    materialId: row.material_id ?? undefined,
    coverUrl: row.video_cover_url,
    previewUrl: row.preview_url,
    previewUrlExpireTime: row.preview_url_expire_time,
    format: row.format,
    durationSeconds: row.duration,
    width: row.width,
    height: row.height,
    signature: row.signature,
    sizeBytes: row.size,
    fileName: row.file_name,
    displayable: row.displayable,
    createTime: row.create_time,
  }));

export type Video = z.output<typeof videoSchema>;

/** A file to upload by bytes (reference §5 UPLOAD_BY_FILE). */
export type UploadFile = (
  | { bytes: Uint8Array }
  | {
      /**
       * The file as a Blob that reads it when sent, e.g. `fs.openAsBlob(path)`: a large video
       * streams from disk, and a retry reads it again. Its MD5 is given, worked out while it
       * was written.
       */
      blob: Blob;
      md5: string;
      /** Told the bytes sent so far as the request body reads them (from 0 again on a retry). */
      onProgress?: ((bytesSent: number) => void) | undefined;
    }
) & {
  fileName: string;
  mimeType?: string | undefined;
};

/** What to upload: a file, or a URL TikTok fetches itself. */
export type UploadSource = { file: UploadFile } | { url: string };
