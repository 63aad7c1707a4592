import { startPublishInputSchema, workspaceIdParamsSchema } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { draftParamsSchema } from './drafts.routes.js';

const publishParams = z.strictObject({
  workspaceId: z.uuid('Not a workspace id.'),
  publishId: z.uuid('Not a publish.'),
});

/** Publishing a draft (issue 14, items 7 and 8): start, follow, and review what broke a guardrail. */
export function registerPublishRoutes(app: FastifyInstance, context: RouteContext): void {
  const { publishes } = context.services;
  const base = '/api/workspaces/:workspaceId';

  defineRoute(app, {
    method: 'POST',
    url: `${base}/drafts/:draftId/publishes`,
    access: 'member',
    params: draftParamsSchema,
    body: startPublishInputSchema,
    status: 202,
    handler: ({ params, body, session }) =>
      publishes.start(session, params.workspaceId, params.draftId, body.version),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/publishes`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => publishes.list(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/publishes/:publishId`,
    access: 'member',
    params: publishParams,
    handler: ({ params, session }) => publishes.get(session, params.workspaceId, params.publishId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/publishes/:publishId/approve`,
    access: 'manager',
    params: publishParams,
    handler: ({ params, session }) => publishes.approve(session, params.workspaceId, params.publishId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/publishes/:publishId/reject`,
    access: 'manager',
    params: publishParams,
    handler: ({ params, session }) => publishes.reject(session, params.workspaceId, params.publishId),
  });
}
