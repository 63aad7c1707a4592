import { campaignTableQuerySchema, workspaceIdParamsSchema } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

/** The Campaigns page (issue 11): the mirror's table, its sync state, and Refresh. */
export function registerCampaignRoutes(app: FastifyInstance, context: RouteContext): void {
  const { campaignMirror } = context.services;
  const base = '/api/workspaces/:workspaceId/campaigns';

  defineRoute(app, {
    method: 'GET',
    url: base,
    access: 'member',
    params: workspaceIdParamsSchema,
    query: campaignTableQuerySchema,
    handler: ({ params, query, session }) => campaignMirror.table(session, params.workspaceId, query),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/sync`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => campaignMirror.status(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/refresh`,
    access: 'member',
    params: workspaceIdParamsSchema,
    status: 202,
    handler: ({ params, session }) => campaignMirror.refresh(session, params.workspaceId),
  });
}
