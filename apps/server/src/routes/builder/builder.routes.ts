import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { registerBuilderCatalogRoutes } from './builder-catalog.routes.js';
import { registerDraftRoutes } from './drafts.routes.js';
import { registerGuardrailRoutes } from './guardrails.routes.js';
import { registerPublishRoutes } from './publishes.routes.js';

/** The campaign builder's routes (issue 14). */
export function registerBuilderRoutes(app: FastifyInstance, context: RouteContext): void {
  registerDraftRoutes(app, context);
  registerGuardrailRoutes(app, context);
  registerBuilderCatalogRoutes(app, context);
  registerPublishRoutes(app, context);
}
