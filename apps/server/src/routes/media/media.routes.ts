import {
  createMediaBatchInputSchema,
  mediaBatchParamsSchema,
  mediaLibraryQuerySchema,
  mediaUploadLimits,
  refreshMediaInputSchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

/** The Media page and the library picker (issue 13): each account's library, and uploads into it. */
export function registerMediaRoutes(app: FastifyInstance, context: RouteContext): void {
  const { mediaLibrary, mediaUploads } = context.services;
  const base = '/api/workspaces/:workspaceId/media';

  defineRoute(app, {
    method: 'GET',
    url: base,
    access: 'member',
    params: workspaceIdParamsSchema,
    query: mediaLibraryQuerySchema,
    handler: ({ params, query, session }) => mediaLibrary.library(session, params.workspaceId, query),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/accounts`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => mediaLibrary.accounts(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/refresh`,
    access: 'member',
    params: workspaceIdParamsSchema,
    body: refreshMediaInputSchema,
    status: 202,
    handler: ({ params, body, session }) =>
      mediaLibrary.refresh(session, params.workspaceId, body.advertiserIds),
  });

  // One file, as multipart/form-data: streamed to disk, hashed, and judged by its content.
  defineRoute(app, {
    method: 'POST',
    url: `${base}/files`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: async ({ params, request, session }) => {
      if (!request.isMultipart())
        throw new AppError(
          'unsupported_media_type',
          'Send the file as multipart/form-data, in a part named “file”.',
        );
      const part = await request.file({
        limits: { fileSize: mediaUploadLimits.videoBytes, files: 1, fields: 0, parts: 1 },
        throwFileSizeLimit: false,
      });
      if (!part || part.fieldname !== 'file')
        throw new AppError(
          'unsupported_media_type',
          'Send the file as multipart/form-data, in a part named “file”.',
        );
      return mediaUploads.check(session, params.workspaceId, {
        stream: part.file,
        fileName: part.filename,
        truncated: () => part.file.truncated,
      });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/uploads`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => mediaUploads.batches(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/uploads`,
    access: 'member',
    params: workspaceIdParamsSchema,
    body: createMediaBatchInputSchema,
    status: 201,
    handler: ({ params, body, session }) => mediaUploads.createBatch(session, params.workspaceId, body),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/uploads/:batchId`,
    access: 'member',
    params: mediaBatchParamsSchema,
    handler: ({ params, session }) => mediaUploads.batch(session, params.workspaceId, params.batchId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/uploads/:batchId/retry`,
    access: 'member',
    params: mediaBatchParamsSchema,
    handler: ({ params, session }) => mediaUploads.retry(session, params.workspaceId, params.batchId),
  });
}
