import {
  createInvitationInputSchema,
  invitationIdParamsSchema,
  invitationTokenParamsSchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { describeBrowserSession } from '../session/browser-session.js';

export function registerInvitationRoutes(app: FastifyInstance, context: RouteContext): void {
  const { invitations, sessions } = context.services;

  defineRoute(app, {
    method: 'POST',
    url: '/api/workspaces/:workspaceId/invitations',
    access: 'manager',
    params: workspaceIdParamsSchema,
    body: createInvitationInputSchema,
    status: 201,
    handler: ({ params, body, session }) => invitations.create(session, params.workspaceId, body),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/workspaces/:workspaceId/invitations/:invitationId',
    access: 'manager',
    params: invitationIdParamsSchema,
    handler: async ({ params, session }) => {
      await invitations.revoke(session, params.workspaceId, params.invitationId);
      return undefined;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/invitations/:token',
    access: 'public',
    params: invitationTokenParamsSchema,
    handler: ({ params }) => invitations.preview(params.token),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/invitations/:token/accept',
    access: 'user',
    params: invitationTokenParamsSchema,
    handler: async ({ params, session, request, reply }) => {
      const workspaceId = await invitations.accept(session, params.token);
      await sessions.switchWorkspace(session, workspaceId);
      return describeBrowserSession(context, request, reply);
    },
  });
}
