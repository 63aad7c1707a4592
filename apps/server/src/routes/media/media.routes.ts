import {
  createMediaBatchInputSchema,
  mediaBatchParamsSchema,
  mediaLibraryQuerySchema,
  refreshMediaInputSchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { withFilePart } from './file-part.js';

/** 500 files of a 64-character hash and a 100-character name (up to 3 bytes each), and 50 accounts. */
const batchBodyBytes = 256 * 1024;

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

  // One file, as multipart/form-data: streamed to disk, hashed, and judged by its content. Any
  // body reaches it (Fastify's own refusal would ask for JSON), for it to say what it takes.
  void app.register(async (scope) => {
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    defineRoute(scope, {
      method: 'POST',
      url: `${base}/files`,
      access: 'member',
      params: workspaceIdParamsSchema,
      handler: ({ params, request, session }) =>
        withFilePart(request, (file) => mediaUploads.check(session, params.workspaceId, file)),
    });
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/uploads`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => mediaUploads.batches(session, params.workspaceId),
  });

  // The batch the contract allows, 500 files with names of up to 100 characters, is larger than
  // the app's 64 KB bodies: this route alone reads JSON up to `batchBodyBytes`.
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: batchBodyBytes },
      scope.getDefaultJsonParser('error', 'error'),
    );
    defineRoute(scope, {
      method: 'POST',
      url: `${base}/uploads`,
      access: 'member',
      params: workspaceIdParamsSchema,
      body: createMediaBatchInputSchema,
      status: 201,
      handler: ({ params, body, session }) => mediaUploads.createBatch(session, params.workspaceId, body),
    });
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
