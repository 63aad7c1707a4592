import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { faultKinds } from '../faults/fault-injector.js';
import { dataLevels } from '../reports/report-builder.js';
import { advertiserRoles, advertiserStatuses, businessCenterRoles } from '../scenarios/scenario-schema.js';
import { ControlError, type EmulatorControl } from './create-control.js';

export const controlPrefix = '/control';

const faultSchema = z.object({
  kind: z.enum(faultKinds),
  path: z.string().optional(),
  method: z.enum(['GET', 'POST']).optional(),
  probability: z.number().min(0).max(1).optional(),
  nth: z.number().int().min(1).optional(),
  times: z.number().int().min(1).optional(),
  latency_ms: z.number().int().min(0).optional(),
  /** Only calls whose JSON body (POST) or query string (GET) carries this text. */
  body_contains: z.string().min(1).optional(),
  /** `api_error`: TikTok's code and message, answered in the envelope with HTTP 200. */
  code: z.number().int().optional(),
  message: z.string().min(1).optional(),
});

/**
 * Issue 3 §9: the control API, outside `/open_api/` so no client can reach it by accident.
 * Plain JSON (not TikTok's envelope); errors are `{ error: { message } }` with 400/404.
 */
export function registerControlRoutes(app: FastifyInstance, control: EmulatorControl): void {
  const route =
    (handler: (body: unknown, query: Record<string, string>) => unknown) =>
    async (request: { body: unknown; query: unknown }, reply: FastifyReply) => {
      try {
        const result = await handler(request.body ?? {}, (request.query ?? {}) as Record<string, string>);
        return reply.send(result ?? { ok: true });
      } catch (error) {
        if (error instanceof z.ZodError) {
          return reply.code(400).send({
            error: {
              message: error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
            },
          });
        }
        if (error instanceof ControlError || (error as Error).name === 'ScenarioError') {
          return reply
            .code(error instanceof ControlError ? error.status : 400)
            .send({ error: { message: (error as Error).message } });
        }
        throw error;
      }
    };
  const at = (path: string): string => `${controlPrefix}${path}`;

  app.get(
    at('/health'),
    route(() => ({ ok: true, now: control.now() })),
  );
  app.get(
    at('/scenario'),
    route(() => control.scenario()),
  );
  app.post(
    at('/scenario'),
    route((body) => {
      const input = z
        .object({
          name: z.string().optional(),
          definition: z.unknown().optional(),
          seed: z.number().int().optional(),
        })
        .parse(body);
      const source = (input.definition ?? input.name ?? 'default') as Parameters<
        EmulatorControl['loadScenario']
      >[0];
      const scenario = control.loadScenario(
        source,
        input.seed === undefined ? undefined : { seed: input.seed },
      );
      return { name: scenario.name };
    }),
  );
  app.post(
    at('/reset'),
    route(() => control.reset()),
  );
  app.post(
    at('/authorization-codes'),
    route((body) => {
      const input = z
        .object({
          email: z.string(),
          advertiser_ids: z.array(z.string()).optional(),
          bc_id: z.string().optional(),
          app_id: z.string().optional(),
          scope: z.array(z.number()).optional(),
        })
        .parse(body);
      return {
        auth_code: control.issueAuthorizationCode({
          email: input.email,
          ...(input.advertiser_ids ? { advertiserIds: input.advertiser_ids } : {}),
          ...(input.bc_id ? { bcId: input.bc_id } : {}),
          ...(input.app_id ? { appId: input.app_id } : {}),
          ...(input.scope ? { scope: input.scope } : {}),
        }),
      };
    }),
  );
  app.get(
    at('/tokens'),
    route(() => ({ tokens: control.tokens() })),
  );
  app.post(
    at('/tokens/revoke'),
    route((body) => control.revokeToken(z.object({ access_token: z.string() }).parse(body).access_token)),
  );
  app.post(
    at('/tokens/expire'),
    route((body) => control.expireToken(z.object({ access_token: z.string() }).parse(body).access_token)),
  );
  app.post(
    at('/business-center-role'),
    route((body) => {
      const input = z
        .object({ email: z.string(), bc_id: z.string(), user_role: z.enum(businessCenterRoles).nullable() })
        .parse(body);
      control.setBusinessCenterRole({ email: input.email, bcId: input.bc_id, userRole: input.user_role });
    }),
  );
  app.post(
    at('/advertiser-role'),
    route((body) => {
      const input = z
        .object({
          email: z.string(),
          advertiser_id: z.string(),
          advertiser_role: z.enum(advertiserRoles).nullable(),
        })
        .parse(body);
      control.setAdvertiserRole({
        email: input.email,
        advertiserId: input.advertiser_id,
        advertiserRole: input.advertiser_role,
      });
    }),
  );
  app.post(
    at('/advertiser-status'),
    route((body) => {
      const input = z
        .object({
          advertiser_id: z.string(),
          status: z.enum(advertiserStatuses).optional(),
          api_eligible: z.boolean().optional(),
        })
        .parse(body);
      control.setAdvertiserStatus({
        advertiserId: input.advertiser_id,
        ...(input.status ? { status: input.status } : {}),
        ...(input.api_eligible !== undefined ? { apiEligible: input.api_eligible } : {}),
      });
    }),
  );
  app.get(
    at('/faults'),
    route(() => ({ faults: control.faults() })),
  );
  app.post(
    at('/faults'),
    route((body) => {
      const {
        latency_ms: latencyMilliseconds,
        body_contains: bodyContains,
        ...rule
      } = faultSchema.parse(body);
      return control.addFault({ ...rule, latencyMilliseconds, bodyContains });
    }),
  );
  app.delete(
    at('/faults'),
    route(() => control.clearFaults()),
  );
  app.delete(at('/faults/:id'), async (request, reply) =>
    route(() => control.removeFault((request.params as { id: string }).id))(request, reply),
  );
  app.get(
    at('/calls'),
    route((_body, query) => ({
      calls: control.calls({
        ...(query.path ? { path: query.path } : {}),
        ...(query.code ? { code: Number(query.code) } : {}),
      }),
    })),
  );
  app.delete(
    at('/calls'),
    route(() => control.clearCalls()),
  );
  app.get(
    at('/truth'),
    route(() => control.truth()),
  );
  app.get(
    at('/truth/report'),
    route((_body, query) => {
      const input = z
        .object({
          advertiser_id: z.string(),
          data_level: z.enum(dataLevels),
          granularity: z.enum(['day', 'hour']).optional(),
          start_date: z.string().optional(),
          end_date: z.string().optional(),
        })
        .parse(query);
      return {
        rows: control.reportRows({
          advertiserId: input.advertiser_id,
          dataLevel: input.data_level,
          ...(input.granularity ? { granularity: input.granularity } : {}),
          ...(input.start_date ? { startDate: input.start_date } : {}),
          ...(input.end_date ? { endDate: input.end_date } : {}),
        }),
      };
    }),
  );
  app.get(
    at('/clock'),
    route(() => ({ now: control.now(), iso: new Date(control.now()).toISOString() })),
  );
  app.post(
    at('/clock/advance'),
    route((body) => {
      const now = control.advanceClock(
        z.object({ milliseconds: z.number().int().min(0) }).parse(body).milliseconds,
      );
      return { now, iso: new Date(now).toISOString() };
    }),
  );
  app.get(
    at('/settings'),
    route(() => control.settings()),
  );
  app.patch(
    at('/settings'),
    route((body) => control.updateSettings(z.record(z.string(), z.unknown()).parse(body))),
  );
  app.post(
    at('/redirect-uris'),
    route((body) => {
      const input = z.object({ redirect_uri: z.url(), app_id: z.string().optional() }).parse(body);
      control.registerRedirectUri(input.redirect_uri, input.app_id);
    }),
  );
}
