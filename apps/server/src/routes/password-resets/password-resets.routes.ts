import {
  completePasswordResetInputSchema,
  passwordResetTokenParamsSchema,
  requestPasswordResetInputSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';
import { endBrowserSession } from '../session/browser-session.js';

export function registerPasswordResetRoutes(app: FastifyInstance, context: RouteContext): void {
  const { passwordResets, sessions } = context.services;

  /** Answers 204 whether or not the email has an account. */
  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/password-resets',
    access: 'public',
    body: requestPasswordResetInputSchema,
    handler: async ({ body, request }) => {
      await passwordResets.request(body.email, request.ip);
      return undefined;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/password-resets/:token',
    access: 'public',
    params: passwordResetTokenParamsSchema,
    handler: ({ params }) => passwordResets.describe(params.token),
  });

  /**
   * Sets the new password and answers with an anonymous session: every session of the account
   * has ended, and this browser's too, whoever it belonged to. The user then logs in with the new
   * password (docs/decisions/0004 says why).
   */
  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/password-resets/:token',
    access: 'public',
    params: passwordResetTokenParamsSchema,
    body: completePasswordResetInputSchema,
    handler: async ({ params, body, session, request, reply }) => {
      await passwordResets.complete(params.token, body.password, request.ip);
      if (session) await sessions.end(session);
      return endBrowserSession(context, reply);
    },
  });
}
