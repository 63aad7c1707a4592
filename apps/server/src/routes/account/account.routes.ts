import { changePasswordInputSchema, type ChangePasswordResponse } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

/** The logged-in user's own account. */
export function registerAccountRoutes(app: FastifyInstance, context: RouteContext): void {
  const { accounts } = context.services;

  /**
   * Changes the password; a wrong current password answers 400 at `currentPassword` and counts as
   * a failed log-in. Every other session of the user ends; this browser stays logged in.
   */
  defineRoute(app, {
    method: 'PUT',
    url: '/api/account/password',
    access: 'user',
    body: changePasswordInputSchema,
    handler: async ({ body, session, request }): Promise<ChangePasswordResponse> => ({
      otherSessionsEnded: await accounts.changePassword(session, body, request.ip),
    }),
  });
}
