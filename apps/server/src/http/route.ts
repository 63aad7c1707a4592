import type { FieldIssue } from '@whathead/contracts';
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

interface RouteDefinition<B, P, Q, Access extends 'public' | 'user'> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** `user` routes answer 401 without a live session; `public` ones see `session` maybe undefined. */
  access: Access;
  body?: B;
  params?: P;
  query?: Q;
  /** Answered with 204 when the handler returns undefined. */
  status?: number;
  handler(
    input: RouteInput<
      Output<B>,
      Output<P>,
      Output<Q>,
      Access extends 'user' ? CurrentSession : CurrentSession | undefined
    >,
  ): Promise<unknown>;
}

const toIssues = (error: z.ZodError, prefix: string): FieldIssue[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));

function parse<S extends Schema | undefined>(schema: S, value: unknown, prefix: string): Output<S> {
  if (!schema) return undefined as Output<S>;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationFailed(toIssues(result.error, prefix));
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
  Access extends 'public' | 'user' = 'user',
>(app: FastifyInstance, definition: RouteDefinition<B, P, Q, Access>): void {
  app.route({
    method: definition.method,
    url: definition.url,
    handler: async (request, reply) => {
      if (definition.access === 'user' && !request.session) throw unauthenticated();
      const params = parse(definition.params as P, request.params, '');
      const query = parse(definition.query as Q, request.query, '');
      const body = parse(definition.body as B, request.body, '');
      const result = await definition.handler({
        body,
        params,
        query,
        session: request.session as CurrentSession,
        request,
        reply,
      });
      if (reply.sent) return reply;
      if (result === undefined) return reply.status(204).send();
      return reply.status(definition.status ?? 200).send(result);
    },
  });
}
