import { PassThrough } from 'node:stream';
import {
  startPublishInputSchema,
  workspaceIdParamsSchema,
  type Publish,
  type PublishState,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { draftParamsSchema } from './drafts.routes.js';

const publishParams = z.strictObject({
  workspaceId: z.uuid('Not a workspace id.'),
  publishId: z.uuid('Not a publish.'),
});

/** How soon a browser asks again for a publish that waits for a person or has ended. */
const waitingRetryMilliseconds = 5_000;

const isRunning = (state: PublishState) => state === 'queued' || state === 'running';

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
  // in 5 s, which a browser's EventSource does by itself.
  defineRoute(app, {
    method: 'GET',
    url: `${base}/publishes/:publishId/events`,
    access: 'member',
    head: false,
    params: publishParams,
    handler: async ({ params, session, request, reply }) => {
      const events = new PassThrough();
      const send = (publish: Publish) => {
        events.write(`event: publish\ndata: ${JSON.stringify(publish)}\n\n`);
        if (!isRunning(publish.state)) end();
      };
      let stop = () => {};
      let heartbeat: NodeJS.Timeout | undefined;
      let ended = false;
      function end() {
        if (ended) return;
        ended = true;
        stop();
        clearInterval(heartbeat);
        request.raw.socket.off('close', end);
        events.end(`retry: ${waitingRetryMilliseconds}\n\n`);
      }
      stop = await publishes.follow(session, params.workspaceId, params.publishId, send);
      if (ended) stop();
      else {
        // Proxies drop a connection silent for long; a comment line every 15 s keeps it.
        heartbeat = setInterval(() => events.write(': still here\n\n'), 15_000);
        heartbeat.unref();
        reply.raw.once('close', end);
        request.raw.socket.once('close', end);
      }
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
