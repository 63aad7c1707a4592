import {
  campaignEntityParamsSchema,
  campaignTableQuerySchema,
  changeCampaignStatusInputSchema,
  editCampaignEntityInputSchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

/** The Campaigns page (issue 11): the mirror's table, its sync state, and Refresh. */
export function registerCampaignRoutes(app: FastifyInstance, context: RouteContext): void {
  const { campaignMirror, campaignActions } = context.services;
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

  // Turn on, Turn off, Delete: one or many rows of one level, each with its own outcome.
  defineRoute(app, {
    method: 'POST',
    url: `${base}/status`,
    access: 'member',
    params: workspaceIdParamsSchema,
    body: changeCampaignStatusInputSchema,
    handler: ({ params, body, session }) => campaignActions.changeStatus(session, params.workspaceId, body),
  });

  // Rename, Edit budget, Edit bid: one campaign or ad group.
  defineRoute(app, {
    method: 'PATCH',
    url: `${base}/:level/:advertiserId/:id`,
    access: 'member',
    params: campaignEntityParamsSchema,
    body: editCampaignEntityInputSchema,
    handler: ({ params, body, session }) => campaignActions.edit(session, params, body),
  });

  // The row's history: every change Whathead made to it at TikTok.
  defineRoute(app, {
    method: 'GET',
    url: `${base}/:level/:advertiserId/:id/changes`,
    access: 'member',
    params: campaignEntityParamsSchema,
    handler: ({ params, session }) => campaignActions.changes(session, params),
  });
}
