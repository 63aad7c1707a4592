import { Readable } from 'node:stream';
import {
  reportBreakdownQuerySchema,
  reportOverviewQuerySchema,
  reportSettingsSchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import { dropWhenStalled } from '../../http/stalled-download.js';
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

  // 202 whether or not anything was queued: `queued` and `skipped` say which accounts will sync
  // and why each other will not. Past a person's limit of presses: 429 with Retry-After.
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
    head: false,
    params: workspaceIdParamsSchema,
    query: reportBreakdownQuerySchema,
    handler: async ({ params, query, session, request, reply }) => {
      const csv = await reports.breakdownCsv(session, params.workspaceId, query);
      const download = Readable.from(csv.lines);
      // The export holds one of a few slots until it ends, however the download ends: read
      // whole, its client gone (even before this point), or dropped as stalled. A response queued
      // behind another on a pipelined connection never sees 'close' when the socket dies, so the
      // socket's own close ends it too.
      const end = () => {
        download.destroy();
        void csv.close();
      };
      const socket = request.raw.socket;
      if (reply.raw.destroyed || socket.destroyed) end();
      else {
        reply.raw.once('close', end);
        socket.once('close', end);
        download.once('close', () => socket.off('close', end));
      }
      dropWhenStalled(download, reply.raw, csv.stalledAfterMilliseconds, () => {
        request.log.info(
          { stalledAfterMilliseconds: csv.stalledAfterMilliseconds },
          'dropped a CSV download whose client stopped reading',
        );
        end();
      });
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.fileName}"`)
        .header('cache-control', 'no-store');
      return download;
    },
  });
}
