import type { FieldIssue } from '@whathead/contracts';
import { withCallPriority } from '@whathead/tiktok-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { unauthenticated, validationFailed } from '../errors.js';
import type { CurrentSession } from '../services/session.service.js';

type Schema = z.ZodType;
type Output<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteInput<Body, Params, Query, Session> {
  body: Body;
  params: Params;
  query: Query;
  session: Session;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Who may call a route. Every non-public route answers 401 without a live session here; the
 * workspace checks (`member`, `manager`) are made by the service the route calls, and the
 * generated authorization test (authorization-matrix.test.ts) holds each route to what it
 * declares.
 *   - `public`: anyone; the handler sees `session` maybe undefined.
 *   - `user`: any logged-in user, about their own account or session.
 *   - `member`: a member of the workspace the request names (`:workspaceId`, or `workspaceId` in
 *     the body); anyone else gets 404, exactly as for a workspace that does not exist.
 *   - `manager`: as `member`, and a plain member gets 403 (owners and admins only).
 */
export type RouteAccess = 'public' | 'user' | 'member' | 'manager';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One row of the route table: an API route and what it declares (nothing, if it bypassed `defineRoute`). */
export interface RegisteredRoute {
  method: HttpMethod;
  url: string;
  access: RouteAccess | undefined;
}

interface RouteDefinition<B, P, Q, Access extends RouteAccess> {
  method: HttpMethod;
  url: string;
  access: Access;
  body?: B;
  params?: P;
  query?: Q;
  /** Answered with 204 when the handler returns undefined. */
  status?: number;
  /** A GET whose work a HEAD would do in full for nothing (a download): no HEAD route then. */
  head?: false;
  handler(
    input: RouteInput<
      Output<B>,
      Output<P>,
      Output<Q>,
      Access extends 'public' ? CurrentSession | undefined : CurrentSession
    >,
  ): Promise<unknown>;
}

const toIssues = (error: z.ZodError, query: unknown): FieldIssue[] =>
  error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    // A query parameter given twice arrives as a list; zod's "expected string, received array"
    // would not tell the caller what to change.
    const repeated =
      issue.code === 'invalid_type' &&
      issue.expected !== 'array' &&
      Array.isArray(valueAt(query, issue.path));
    return { path, message: repeated ? `Give ${path} once.` : issue.message };
  });

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `isQuery`: the value is a query string's, whose repeated parameters arrive as lists. */
function parse<S extends Schema | undefined>(schema: S, value: unknown, isQuery = false): Output<S> {
  if (!schema) return undefined as Output<S>;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationFailed(toIssues(result.error, isQuery ? value : undefined));
  return result.data as Output<S>;
}

/**
 * Registers one route whose input is parsed by zod before the handler runs: a handler only ever
 * sees valid, typed input, and bad input answers 400 with the field that is wrong.
 */
export function defineRoute<
  B extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  Access extends RouteAccess = 'user',
>(app: FastifyInstance, definition: RouteDefinition<B, P, Q, Access>): void {
  app.route({
    method: definition.method,
    url: definition.url,
    config: { access: definition.access },
    ...(definition.head === false ? { exposeHeadRoute: false } : {}),
    handler: async (request, reply) => {
      if (definition.access !== 'public' && !request.session) throw unauthenticated();
      const params = parse(definition.params as P, request.params);
      const query = parse(definition.query as Q, request.query, true);
      const body = parse(definition.body as B, request.body);
      // A person waits on every request: its TikTok calls go first, for the workspace it names.
      const result = await withCallPriority({ lane: 'interactive', tenant: workspaceOf(params, body) }, () =>
        definition.handler({
          body,
          params,
          query,
          session: request.session as CurrentSession,
          request,
          reply,
        }),
      );
      if (reply.sent) return reply;
      if (result === undefined) return reply.status(204).send();
      return reply.status(definition.status ?? 200).send(result);
    },
  });
}

/**
 * The workspace a request names, as the rate budget's tenant. Lower-cased: PostgreSQL reads a
 * uuid in any case, so one workspace may be spelled many ways, and its calls must count once.
 */
function workspaceOf(...inputs: unknown[]): string | undefined {
  for (const input of inputs)
    if (input && typeof input === 'object' && 'workspaceId' in input && typeof input.workspaceId === 'string')
      return input.workspaceId.toLowerCase();
  return undefined;
}
