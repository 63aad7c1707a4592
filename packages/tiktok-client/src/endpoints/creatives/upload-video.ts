import { videoSchema, type Video } from './media-schemas.js';
import { mediaUpload, type UploadMediaInput } from './upload-media.js';

export type UploadVideoInput = UploadMediaInput<Video>;

/** POST /file/video/ad/upload/ (reference §5). The video transcodes for a while: 40901 until then. */
export const uploadVideo = mediaUpload('video', videoSchema);
