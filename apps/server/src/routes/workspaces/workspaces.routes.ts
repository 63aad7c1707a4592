import {
  createWorkspaceInputSchema,
  workspaceIdParamsSchema,
  type MembersResponse,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { describeBrowserSession } from '../session/browser-session.js';

export function registerWorkspaceRoutes(app: FastifyInstance, context: RouteContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/workspaces',
    access: 'user',
    body: createWorkspaceInputSchema,
    status: 201,
    handler: async ({ body, session, request, reply }) => {
      const workspace = await context.services.workspaces.create(session, body.name);
      await context.services.sessions.switchWorkspace(session, workspace.id);
      return describeBrowserSession(context, request, reply);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:workspaceId/members',
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: async ({ params, session }): Promise<MembersResponse> => {
      const [members, invitations] = await Promise.all([
        context.services.workspaces.listMembers(session, params.workspaceId),
        context.services.invitations.listPending(session, params.workspaceId),
      ]);
      return { members, invitations };
    },
  });
}
