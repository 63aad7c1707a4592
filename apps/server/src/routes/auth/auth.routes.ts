import { logInInputSchema, signUpInputSchema } from '@whathead/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { cookieNames, cookieOptions, deviceCookieSeconds } from '../../http/cookies.js';
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
      const { userId, workspaceId, deviceToken } = await context.services.accounts.signUp(body, request.ip);
      const answer = await startBrowserSession(context, reply, userId, workspaceId);
      rememberDevice(context, reply, deviceToken);
      return answer;
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    body: logInInputSchema,
    handler: async ({ body, request, reply }) => {
      const cookies = cookieNames(context.secureCookies);
      const { userId, passwordHash, deviceToken } = await context.services.accounts.logIn(body, {
        clientAddress: request.ip,
        deviceToken: request.cookies[cookies.device],
      });
      if (request.session) await context.services.sessions.end(request.session);
      const answer = await startBrowserSession(context, reply, userId, null, passwordHash);
      rememberDevice(context, reply, deviceToken);
      return answer;
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

/** The device cookie: this browser logged in to the account, and its attempts count on their own. */
function rememberDevice(context: RouteContext, reply: FastifyReply, deviceToken: string): void {
  reply.setCookie(
    cookieNames(context.secureCookies).device,
    deviceToken,
    cookieOptions(context.secureCookies, deviceCookieSeconds),
  );
}
