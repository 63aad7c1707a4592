import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { allEndpoints } from './all-endpoints.js';
import { createCallLog } from './control/call-log.js';
import { guardControlRoutes } from './control/control-guard.js';
import { registerControlRoutes } from './control/control-routes.js';
import { createControl, type EmulatorControl } from './control/create-control.js';
import { createFaultInjector } from './faults/fault-injector.js';
import { registerMediaRoutes } from './creatives/media-routes.js';
import { registerApiEndpoints } from './http/api-router.js';
import { registerGatewayHandlers } from './http/gateway-handlers.js';
import { keepRawJsonBodies } from './http/raw-body.js';
import { createRateLimiter } from './limits/rate-limiter.js';
import { registerAuthorizationPages } from './oauth/authorization-pages.js';
import {
  defaultPublicUrl,
  emulatorApp,
  whatheadRedirectUri,
  type AppRegistration,
} from './registered-app.js';
import type { EmulatorRuntime } from './runtime.js';
import { seedSampleEntities } from './ads/sample-entities.js';
import { buildStore } from './scenarios/build-store.js';
import { seedAccountAssets } from './scenarios/seed-account-assets.js';
import { loadScenario } from './scenarios/load-scenario.js';
import type { ScenarioDefinition } from './scenarios/scenario-schema.js';
import { defaultSettings, type SettingsPatch } from './settings.js';
import { createEmulatorClock, systemClock, type Clock } from './state/clock.js';
import { createIdGenerator } from './state/id-generator.js';
import { createMediaFiles } from './state/media-files.js';
import type { AppRecord } from './state/records.js';

export interface EmulatorOptions {
  /** A fixture name (`default`, `empty-business-center`, `analyst-only`, `agency-large`, `large-ad-accounts`) or an inline definition. */
  scenario?: string | ScenarioDefinition;
  /** Same seed, same calls → same ids, tokens, faults and report metrics. */
  seed?: number;
  clock?: Clock;
  tokenMode?: 'long_term' | 'refreshable';
  /** Any other knob of `EmulatorSettings`. */
  settings?: SettingsPatch;
  /** Whathead's public URL; its `/api/integrations/tiktok/callback` is pre-registered. */
  publicUrl?: string;
  /** Extra redirect URIs registered for the emulator's own app. */
  redirectUris?: string[];
  /** Further developer apps. */
  apps?: AppRegistration[];
  logger?: boolean;
}

export interface Emulator {
  /** A Fastify instance: use `app.inject()` in tests. */
  app: FastifyInstance;
  control: EmulatorControl;
  /** The live state, for assertions that the control API does not cover. */
  state: EmulatorRuntime;
  listen(options?: { port?: number; host?: string }): Promise<{ url: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const apps: AppRecord[] = [
    {
      appId: emulatorApp.appId,
      secret: emulatorApp.secret,
      name: emulatorApp.name,
      redirectUris: [
        whatheadRedirectUri(options.publicUrl ?? defaultPublicUrl),
        ...(options.redirectUris ?? []),
      ],
      requestedPermissions: [...emulatorApp.requestedPermissions],
    },
    ...(options.apps ?? []).map((app) => ({
      ...app,
      requestedPermissions: app.requestedPermissions ?? [...emulatorApp.requestedPermissions],
    })),
  ];
  const seed = options.seed ?? 1;
  const scenario = loadScenario(options.scenario ?? 'default');
  const settings = structuredClone({
    ...defaultSettings,
    ...options.settings,
    ...(options.tokenMode ? { tokenMode: options.tokenMode } : {}),
  });
  const runtime: EmulatorRuntime = {
    store: buildStore(scenario, apps),
    scenario,
    seed,
    ids: createIdGenerator(seed),
    settings,
    clock: createEmulatorClock(options.clock ?? systemClock),
    limiter: createRateLimiter(),
    faults: createFaultInjector(seed),
    calls: createCallLog(),
    files: createMediaFiles(),
  };
  const world = {
    load(source: string | ScenarioDefinition, nextSeed: number) {
      const next = loadScenario(source);
      runtime.scenario = next;
      runtime.seed = nextSeed;
      runtime.ids = createIdGenerator(nextSeed);
      const previous = runtime.store;
      runtime.store = buildStore(next, apps);
      // The old library's files go with it; nothing can list or serve them any more.
      runtime.files.forget([...previous.media.values()].map((media) => media.path));
      runtime.limiter.reset();
      runtime.faults = createFaultInjector(nextSeed);
      runtime.calls.clear();
      seedSampleEntities(runtime);
      seedAccountAssets(runtime);
    },
    registerRedirectUri(uri: string, appId: string) {
      for (const app of [
        apps.find((candidate) => candidate.appId === appId),
        runtime.store.apps.get(appId),
      ]) {
        if (app && !app.redirectUris.includes(uri)) app.redirectUris.push(uri);
      }
    },
  };
  seedSampleEntities(runtime);
  seedAccountAssets(runtime);

  const app = Fastify({ logger: options.logger ?? false });
  app.addHook('onClose', async () => {
    await runtime.files.close();
  });
  keepRawJsonBodies(app);
  app.register(formbody);
  // Oversized files are truncated rather than thrown, so the upload answers 40907 in the envelope.
  app.register(multipart, { throwFileSizeLimit: false });
  registerGatewayHandlers(app, runtime, allEndpoints);
  registerApiEndpoints(app, runtime, allEndpoints);
  registerAuthorizationPages(app, runtime);
  registerMediaRoutes(app, runtime);
  // Browsers ask every page's origin for one; an empty answer keeps the sign-in pages' console clean.
  app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
  const control = createControl(runtime, world);
  guardControlRoutes(app);
  registerControlRoutes(app, control);

  return {
    app,
    control,
    state: runtime,
    async listen({ port = 0, host = '127.0.0.1' } = {}) {
      await app.listen({ port, host });
      const address = app.server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      return { url: `http://${host}:${boundPort}`, close: () => app.close() };
    },
    close: () => app.close(),
  };
}
