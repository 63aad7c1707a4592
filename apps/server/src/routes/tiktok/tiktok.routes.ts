import {
  connectTikTokGrantGroupInputSchema,
  startTikTokConnectInputSchema,
  tiktokGrantParamsSchema,
  tiktokConnectionParamsSchema,
  updateTikTokAccountsInputSchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import { tiktokCallbackPath } from '../../services/tiktok-authorization.service.js';
import type { RouteContext } from '../route-context.js';

/** Where the callback lands: a web-app page that tells the opener window, or shows the result. */
export const callbackDonePath = '/integrations/tiktok/done';

export function registerTikTokRoutes(app: FastifyInstance, context: RouteContext): void {
  const { tiktokConnections, tiktokAuthorization, tiktokGrants, tiktokUsage } = context.services;
  const base = '/api/workspaces/:workspaceId/tiktok';

  defineRoute(app, {
    method: 'GET',
    url: `${base}/connections`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => tiktokConnections.list(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/connect`,
    access: 'manager',
    params: workspaceIdParamsSchema,
    body: startTikTokConnectInputSchema,
    handler: ({ params, body, session }) => tiktokAuthorization.start(session, params.workspaceId, body),
  });

  // The redirect URI registered with TikTok (§1.2). A top-level GET, so the Lax session cookie
  // comes along; it answers with a redirect to a clean URL, so the code and state leave the
  // address bar and history at once.
  defineRoute(app, {
    method: 'GET',
    url: tiktokCallbackPath,
    access: 'public',
    query: z.looseObject({}),
    handler: async ({ query, session, request, reply }) => {
      let target: string;
      try {
        const outcome = await tiktokAuthorization.finish(session, query);
        target =
          'connectionId' in outcome
            ? `${callbackDonePath}?connected=${encodeURIComponent(outcome.connectionId)}`
            : 'grantId' in outcome
              ? `${callbackDonePath}?grant=${encodeURIComponent(outcome.grantId)}`
              : `${callbackDonePath}?${new URLSearchParams({
                  tiktok_error: outcome.error,
                  ...(outcome.retryAt === undefined
                    ? {}
                    : { retry_at: new Date(outcome.retryAt).toISOString() }),
                })}`;
      } catch (error) {
        request.log.error({ err: error }, 'TikTok callback failed');
        target = `${callbackDonePath}?tiktok_error=failed`;
      }
      return reply.redirect(target, 303);
    },
  });

  // A sign-in whose ad accounts span several groups (issue 9): the user picks one, then others,
  // without signing in at TikTok again. Only the session that signed in reaches its grants.
  defineRoute(app, {
    method: 'GET',
    url: `${base}/grants`,
    access: 'manager',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => tiktokGrants.list(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/grants/:grantId`,
    access: 'manager',
    params: tiktokGrantParamsSchema,
    handler: ({ params, session }) => tiktokGrants.get(session, params.workspaceId, params.grantId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/grants/:grantId/connect`,
    access: 'manager',
    params: tiktokGrantParamsSchema,
    body: connectTikTokGrantGroupInputSchema,
    handler: ({ params, body, session }) =>
      tiktokGrants.connectGroup(session, params.workspaceId, params.grantId, body.groupKey),
  });

  defineRoute(app, {
    method: 'PUT',
    url: `${base}/connections/:connectionId/accounts`,
    access: 'manager',
    params: tiktokConnectionParamsSchema,
    body: updateTikTokAccountsInputSchema,
    handler: ({ params, body, session }) =>
      tiktokConnections.updateAccounts(session, params.workspaceId, params.connectionId, body),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/connections/:connectionId/check`,
    access: 'member',
    params: tiktokConnectionParamsSchema,
    handler: ({ params, session }) =>
      tiktokConnections.check(session, params.workspaceId, params.connectionId),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: `${base}/connections/:connectionId`,
    access: 'manager',
    params: tiktokConnectionParamsSchema,
    handler: async ({ params, session }) => {
      await tiktokConnections.disconnect(session, params.workspaceId, params.connectionId);
      return undefined;
    },
  });

  // Settings' TikTok usage panel: this workspace's calls today, the app's shared day budget as a
  // rounded share, and TikTok's pauses.
  defineRoute(app, {
    method: 'GET',
    url: `${base}/usage`,
    access: 'manager',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => tiktokUsage.usage(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/audit`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => tiktokConnections.auditTrail(session, params.workspaceId),
  });
}
