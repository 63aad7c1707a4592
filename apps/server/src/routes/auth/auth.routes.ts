import { logInInputSchema, signUpInputSchema } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { endBrowserSession, startBrowserSession } from '../session/browser-session.js';

export function registerAuthRoutes(app: FastifyInstance, context: RouteContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/signup',
    access: 'public',
    body: signUpInputSchema,
    status: 201,
    handler: async ({ body, request, reply }) => {
      const { userId, workspaceId } = await context.services.accounts.signUp(body, request.ip);
      return startBrowserSession(context, reply, userId, workspaceId);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    body: logInInputSchema,
    handler: async ({ body, request, reply }) => {
      const { userId } = await context.services.accounts.logIn(body, request.ip);
      if (request.session) await context.services.sessions.end(request.session);
      return startBrowserSession(context, reply, userId, null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/logout',
    access: 'public',
    handler: async ({ session, reply }) => {
      if (session) await context.services.sessions.end(session);
      return endBrowserSession(context, reply);
    },
  });
}
