import { imageSchema, type Image } from './media-schemas.js';
import { mediaUpload, type UploadMediaInput } from './upload-media.js';

export type UploadImageInput = UploadMediaInput<Image>;

/** POST /file/image/ad/upload/ (reference §5): JPG/JPEG/PNG up to 3,686,400 pixels. */
export const uploadImage = mediaUpload('image', imageSchema);
