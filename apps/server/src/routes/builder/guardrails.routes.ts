import { guardrailsSchema, workspaceIdParamsSchema } from '@whathead/contracts';
import type { FastifyInstance } from 'fastify';
import { defineRoute } from '../../http/route.js';
import type { RouteContext } from '../route-context.js';

/** The workspace's publishing guardrails: every member reads them, owners and admins set them. */
export function registerGuardrailRoutes(app: FastifyInstance, context: RouteContext): void {
  const { builderGuardrails } = context.services;
  const url = '/api/workspaces/:workspaceId/builder/guardrails';

  defineRoute(app, {
    method: 'GET',
    url,
    access: 'member',
    params: workspaceIdParamsSchema,
    handler: ({ params, session }) => builderGuardrails.get(session, params.workspaceId),
  });

  defineRoute(app, {
    method: 'PUT',
    url,
    access: 'manager',
    params: workspaceIdParamsSchema,
    body: guardrailsSchema,
    handler: ({ params, body, session }) => builderGuardrails.update(session, params.workspaceId, body),
  });
}
