import type { EndOtherSessionsResponse, OtherSessions } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

/** The user's other sessions: how many there are, and logging them all out from here. */
export function registerOtherSessionRoutes(app: FastifyInstance, context: RouteContext): void {
  const { sessions } = context.services;

  defineRoute(app, {
    method: 'GET',
    url: '/api/session/others',
    access: 'user',
    handler: async ({ session }): Promise<OtherSessions> => ({ count: await sessions.countOthers(session) }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/session/others/end',
    access: 'user',
    handler: async ({ session }): Promise<EndOtherSessionsResponse> => ({
      ended: await sessions.endOthers(session),
    }),
  });
}
