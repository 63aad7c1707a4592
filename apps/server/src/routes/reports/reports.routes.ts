import { Readable } from 'node:stream';
import {
  reportBreakdownQuerySchema,
  reportOverviewQuerySchema,
  reportSettingsSchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

/** The Reports page (issue 12): what is stored, its sync, and the CSV export. */
export function registerReportRoutes(app: FastifyInstance, context: RouteContext): void {
  const { reports } = context.services;
  const base = '/api/workspaces/:workspaceId/reports';

  defineRoute(app, {
    method: 'GET',
    url: `${base}/status`,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => reports.status(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/sync`,
    access: 'member',
    params: workspaceIdParamsSchema,
    status: 202,
    handler: ({ params, session }) => reports.syncNow(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'PUT',
    url: `${base}/settings`,
    access: 'manager',
    params: workspaceIdParamsSchema,
    body: reportSettingsSchema,
    handler: ({ params, body, session }) => reports.saveSettings(session, params.workspaceId, body),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/overview`,
    access: 'member',
    params: workspaceIdParamsSchema,
    query: reportOverviewQuerySchema,
    handler: ({ params, query, session }) => reports.overview(session, params.workspaceId, query),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/breakdown`,
    access: 'member',
    params: workspaceIdParamsSchema,
    query: reportBreakdownQuerySchema,
    handler: ({ params, query, session }) => reports.breakdown(session, params.workspaceId, query),
  });

  // Streamed: each page of rows is written as it is read, so a large export is never held whole.
  defineRoute(app, {
    method: 'GET',
    url: `${base}/breakdown.csv`,
    access: 'member',
    params: workspaceIdParamsSchema,
    query: reportBreakdownQuerySchema,
    handler: async ({ params, query, session, reply }) => {
      const csv = await reports.breakdownCsv(session, params.workspaceId, query);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.fileName}"`)
        .header('cache-control', 'no-store');
      return Readable.from(csv.lines);
    },
  });
}
