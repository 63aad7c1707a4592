import type { FastifyRequest } from 'fastify';

// Where the library's files are served (media-routes.ts). Records keep the path; answers make it
// absolute from the host the caller used, as TikTok's answers carry absolute CDN URLs (§5).

export const mediaPath = (mediaId: string): string => `/media/${encodeURIComponent(mediaId)}`;

export const baseUrlOf = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;
