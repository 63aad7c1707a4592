import {
  builderAccountParamsSchema,
  createIdentityInputSchema,
  existingNodesQuerySchema,
  regionQuerySchema,
  workspaceIdParamsSchema,
} from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

/** What the builder's forms and Select existing read: the mirror, and TikTok for one ad account. */
export function registerBuilderCatalogRoutes(app: FastifyInstance, context: RouteContext): void {
  const { builderExisting, builderCatalog } = context.services;
  const base = '/api/workspaces/:workspaceId/builder';
  const account = `${base}/accounts/:advertiserId`;

  defineRoute(app, {
    method: 'GET',
    url: `${base}/existing`,
    access: 'member',
    params: workspaceIdParamsSchema,
    query: existingNodesQuerySchema,
    handler: ({ params, query, session }) => builderExisting.load(session, params.workspaceId, query),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${account}/regions`,
    access: 'member',
    params: builderAccountParamsSchema,
    query: regionQuerySchema,
    handler: ({ params, query, session }) => builderCatalog.regions(session, params, query.q),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${account}/identities`,
    access: 'member',
    params: builderAccountParamsSchema,
    handler: ({ params, session }) => builderCatalog.identities(session, params),
  });

  defineRoute(app, {
    method: 'POST',
    url: `${account}/identities`,
    access: 'member',
    params: builderAccountParamsSchema,
    body: createIdentityInputSchema,
    status: 201,
    handler: ({ params, body, session }) => builderCatalog.createIdentity(session, params, body.displayName),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${account}/pixels`,
    access: 'member',
    params: builderAccountParamsSchema,
    handler: ({ params, session }) => builderCatalog.pixels(session, params),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${account}/audiences`,
    access: 'member',
    params: builderAccountParamsSchema,
    handler: ({ params, session }) => builderCatalog.audiences(session, params),
  });

  defineRoute(app, {
    method: 'GET',
    url: `${account}/apps`,
    access: 'member',
    params: builderAccountParamsSchema,
    handler: ({ params, session }) => builderCatalog.apps(session, params),
  });
}
