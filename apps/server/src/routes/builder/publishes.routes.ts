import { startPublishInputSchema, workspaceIdParamsSchema } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { draftParamsSchema } from './drafts.routes.js';
import { PublishEventStreams } from './publish-event-streams.js';

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

  // Server-sent events: the publish now, then after each change while it runs. A publish that
  // waits for a person (approval, Reconnect) or has ended is sent once, with a hint to ask again
  // in 5 s, which a browser's EventSource does by itself (publish-event-streams.ts).
  const streams = new PublishEventStreams();
  app.addHook('preClose', async () => streams.endAll());
  defineRoute(app, {
    method: 'GET',
    url: `${base}/publishes/:publishId/events`,
    access: 'member',
    head: false,
    params: publishParams,
    handler: async ({ params, session, request, reply }) => {
      const events = await streams.open(
        session.tokenHash,
        (send) => publishes.follow(session, params.workspaceId, params.publishId, send),
        (gone) => {
          if (request.raw.destroyed || reply.raw.destroyed) return gone();
          request.raw.once('close', gone);
          reply.raw.once('close', gone);
        },
      );
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no');
      return events;
    },
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
