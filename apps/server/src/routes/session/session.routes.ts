import { switchWorkspaceInputSchema } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { describeBrowserSession } from './browser-session.js';

export function registerSessionRoutes(app: FastifyInstance, context: RouteContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/session',
    access: 'public',
    // A read: the workspaces read with the session at the start of this request are current.
    handler: ({ request, reply }) =>
      describeBrowserSession(context, request, reply, { workspacesAsResolved: true }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/session/workspace',
    access: 'member',
    body: switchWorkspaceInputSchema,
    handler: async ({ body, session, request, reply }) => {
      await context.services.sessions.switchWorkspace(session, body.workspaceId);
      return describeBrowserSession(context, request, reply);
    },
  });
}
