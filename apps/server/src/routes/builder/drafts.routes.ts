import {
  createDraftInputSchema,
  saveDraftInputSchema,
  startPublishInputSchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

export const draftParamsSchema = z.strictObject({
  workspaceId: z.uuid('Not a workspace id.'),
  draftId: z.uuid('Not a draft.'),
});

/**
 * A draft of 3,000 nodes (the contract's cap) with their settings, locations and creatives runs
 * to a few megabytes of JSON; the app's 64 KB bodies would refuse the save of a large draft.
 */
const draftBodyBytes = 8 * 1024 * 1024;

/** The builder's drafts (issue 14): listed, created, opened, auto-saved, deleted, previewed. */
export function registerDraftRoutes(app: FastifyInstance, context: RouteContext): void {
  const { drafts } = context.services;
  const base = '/api/workspaces/:workspaceId/drafts';

  defineRoute(app, {
    method: 'GET',
    url: base,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => drafts.list(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'POST',
    url: base,
    access: 'member',
    params: workspaceIdParamsSchema,
    body: createDraftInputSchema,
    status: 201,
    handler: ({ params, body, session }) => drafts.create(session, params.workspaceId, body),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${base}/:draftId`,
    access: 'member',
    params: draftParamsSchema,
    handler: ({ params, session }) => drafts.get(session, params.workspaceId, params.draftId),
  });

  // Auto-save sends the whole document: this route alone reads JSON up to `draftBodyBytes`.
  void app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: draftBodyBytes },
      scope.getDefaultJsonParser('error', 'error'),
    );
    defineRoute(scope, {
      method: 'PUT',
      url: `${base}/:draftId`,
      access: 'member',
      params: draftParamsSchema,
      body: saveDraftInputSchema,
      handler: ({ params, body, session }) => drafts.save(session, params.workspaceId, params.draftId, body),
    });
  });

  defineRoute(app, {
    method: 'DELETE',
    url: `${base}/:draftId`,
    access: 'member',
    params: draftParamsSchema,
    handler: ({ params, session }) => drafts.remove(session, params.workspaceId, params.draftId),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${base}/:draftId/preview`,
    access: 'member',
    params: draftParamsSchema,
    body: startPublishInputSchema,
    handler: ({ params, body, session }) => drafts.preview(session, params.workspaceId, params.draftId, body),
  });
}
