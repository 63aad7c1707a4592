import { z } from 'zod';
import { ApiError, fieldError } from '../http/api-error.js';
import { defineEndpoint } from '../http/define-endpoint.js';
import { paginate } from '../http/envelope.js';
import {
  booleanParam,
  idString,
  integerParam,
  jsonParam,
  numberParam,
  pagingParams,
} from '../http/params.js';
import { formatDateTime } from '../state/clock.js';
import type { VideoRecord } from '../state/records.js';
import { withFileSource } from './byte-source.js';
import { probeVideo } from './media-probe.js';
import { baseUrlOf, mediaPath } from './media-urls.js';
import {
  checkSignature,
  checkUniqueName,
  checkUploadedFile,
  normaliseFileName,
  uploadedFileSchema,
} from './upload-rules.js';
import { matchesDimensions } from './media-filters.js';

/** Correction 7: 9:16, 16:9 or 1:1 (the ±0.05 tolerance of the ratio filter, reference §5). */
const allowedRatios = [9 / 16, 16 / 9, 1];
/** When the container does not say (AVI, MPEG, unusual MP4), a vertical 15-second video is assumed. */
const assumed = { width: 1080, height: 1920, duration: 15 };

/** Reference §5: the cover and preview appear only once transcoding is done. */
export function describeVideo(video: VideoRecord, baseUrl: string, now: number) {
  const { advertiserId: _advertiserId, readyAt, ...fields } = video;
  const ready = now >= readyAt;
  const media = `${baseUrl}${mediaPath(video.video_id)}`;
  return {
    ...fields,
    video_cover_url: ready ? `${media}?cover=1` : null,
    preview_url: ready ? media : null,
    preview_url_expire_time: ready ? formatDateTime(now + 86_400_000) : null,
    allowed_placements: ['PLACEMENT_TIKTOK', 'PLACEMENT_PANGLE', 'PLACEMENT_GLOBAL_APP_BUNDLE'],
    allow_download: true,
    displayable: ready,
  };
}

/** Correction 7: answers an array; every upload makes a new video_id, even for the same bytes. */
export const videoUploadEndpoint = defineEndpoint({
  method: 'POST',
  path: '/file/video/ad/upload/',
  authentication: 'token',
  access: 'write',
  requiresEligibleAdvertiser: true,
  multipart: true,
  permissions: () => [611],
  input: z.object({
    advertiser_id: idString(),
    upload_type: z
      .enum(['UPLOAD_BY_FILE', 'UPLOAD_BY_URL', 'UPLOAD_BY_FILE_ID', 'UPLOAD_BY_VIDEO_ID'])
      .default('UPLOAD_BY_FILE'),
    video_file: uploadedFileSchema.optional(),
    video_signature: z.string().optional(),
    video_url: z.string().optional(),
    file_id: z.string().optional(),
    video_id: z.string().optional(),
    file_name: z.string().min(1).optional(),
    flaw_detect: booleanParam(z.boolean()).optional(),
    auto_fix_enabled: booleanParam(z.boolean()).optional(),
    auto_bind_enabled: booleanParam(z.boolean()).optional(),
    is_third_party: booleanParam(z.boolean()).optional(),
  }),
  async handle({ input, runtime, now, request }) {
    const baseUrl = baseUrlOf(request);
    if (input.upload_type === 'UPLOAD_BY_URL') {
      if (!input.video_url) throw fieldError('video_url', 'Missing data for required field.');
      // Offline: the emulator cannot fetch a URL, so it answers as TikTok does for an unreachable one.
      throw new ApiError(40903, 'The video URL is unavailable.');
    }
    if (input.upload_type === 'UPLOAD_BY_FILE_ID') throw fieldError('file_id', 'The file does not exist.');
    if (input.upload_type === 'UPLOAD_BY_VIDEO_ID') {
      const existing = input.video_id ? runtime.store.videos.get(input.video_id) : undefined;
      if (!existing || existing.advertiserId !== input.advertiser_id)
        throw fieldError('video_id', 'The video does not exist.');
      return [describeVideo(existing, baseUrl, now)];
    }
    const file = checkUploadedFile(input.video_file, 'video_file', runtime.settings.maximumVideoBytes);
    if (!input.video_signature) throw fieldError('video_signature', 'Missing data for required field.');
    const signature = checkSignature(file, input.video_signature);
    const probe = await withFileSource(file.path, probeVideo);
    if (!probe) throw new ApiError(40908, 'video_file: Unsupported file type; use MP4, MOV, MPEG or AVI.');
    const width = probe.width ?? assumed.width;
    const height = probe.height ?? assumed.height;
    if (!allowedRatios.some((ratio) => Math.abs(width / height - ratio) <= 0.05)) {
      throw new ApiError(
        40915,
        `video_file: The aspect ratio ${width}:${height} is not supported; use 9:16, 16:9 or 1:1.`,
      );
    }
    const fileName = normaliseFileName(input.file_name ?? file.fileName);
    const library = [...runtime.store.videos.values()].filter(
      (video) => video.advertiserId === input.advertiser_id,
    );
    checkUniqueName(
      library.map((video) => video.file_name),
      fileName,
    );
    // Synchronous from the name check to the store, so a concurrent upload cannot take the name.
    const path = runtime.files.keep(file.path);
    const duration = probe.duration ?? assumed.duration;
    const time = formatDateTime(now);
    const video: VideoRecord = {
      advertiserId: input.advertiser_id,
      readyAt: now + runtime.settings.videoProcessingMilliseconds,
      video_id: runtime.ids.videoId(),
      material_id: runtime.ids.materialId(),
      file_name: fileName,
      format: probe.format,
      width,
      height,
      duration,
      bit_rate: Math.round((file.size * 8) / Math.max(duration, 0.001)),
      size: file.size,
      signature,
      create_time: time,
      modify_time: time,
    };
    runtime.store.videos.set(video.video_id, video);
    runtime.store.media.set(video.video_id, {
      mimeType: probe.format === 'mov' ? 'video/quicktime' : `video/${probe.format}`,
      path,
    });
    return [describeVideo(video, baseUrl, now)];
  },
});

/** Reference §5: up to 60 ids; a video still transcoding is listed without cover or preview. */
export const videoInfoEndpoint = defineEndpoint({
  method: 'GET',
  path: '/file/video/ad/info/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [610],
  input: z.object({ advertiser_id: idString(), video_ids: jsonParam(z.array(z.string()).min(1).max(60)) }),
  handle({ input, runtime, now, request }) {
    const baseUrl = baseUrlOf(request);
    const list = input.video_ids
      .map((videoId) => runtime.store.videos.get(videoId))
      .filter((video) => video !== undefined && video.advertiserId === input.advertiser_id)
      .map((video) => describeVideo(video!, baseUrl, now));
    return { list };
  },
});

/** Reference §5: page_size default 20, at most 100; ratio matches within ±0.05. */
export const videoSearchEndpoint = defineEndpoint({
  method: 'GET',
  path: '/file/video/ad/search/',
  authentication: 'token',
  access: 'read',
  requiresEligibleAdvertiser: true,
  permissions: () => [610],
  input: z.object({
    advertiser_id: idString(),
    filtering: jsonParam(
      z
        .object({
          video_ids: z.array(z.string()).max(100).optional(),
          material_ids: z.array(idString()).max(100).optional(),
          displayable: booleanParam(z.boolean()).optional(),
          width: integerParam(z.number().int()).optional(),
          height: integerParam(z.number().int()).optional(),
          ratio: z.array(numberParam(z.number())).optional(),
        })
        .loose(),
    ).optional(),
    ...pagingParams(100, 20),
  }),
  handle({ input, runtime, now, request }) {
    const baseUrl = baseUrlOf(request);
    const filtering = input.filtering ?? {};
    const rows = [...runtime.store.videos.values()]
      .filter((video) => video.advertiserId === input.advertiser_id)
      .filter((video) => !filtering.video_ids || filtering.video_ids.includes(video.video_id))
      .filter((video) => !filtering.material_ids || filtering.material_ids.includes(video.material_id))
      .filter((video) => matchesDimensions(video, filtering))
      .map((video) => describeVideo(video, baseUrl, now))
      .filter((video) => filtering.displayable === undefined || video.displayable === filtering.displayable);
    return paginate(rows, input.page, input.page_size);
  },
});
