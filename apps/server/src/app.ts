import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { assertCsrf } from './http/csrf.js';
import { answerFrameworkError, registerErrorHandler, sendNotFound } from './http/error-handler.js';
import { requestId } from './http/request-id.js';
import { recordRouteTable } from './http/route-table.js';
import { registerSessionContext } from './http/session-context.js';
import { registerWebApp } from './http/web-app.js';
import type { Metrics } from './observability/metrics.js';
import { registerAccountRoutes } from './routes/account/account.routes.js';
import { registerAuthRoutes } from './routes/auth/auth.routes.js';
import { registerBuilderRoutes } from './routes/builder/builder.routes.js';
import { registerHealthRoutes } from './routes/health/health.routes.js';
import { registerInvitationRoutes } from './routes/invitations/invitations.routes.js';
import { registerMediaRoutes } from './routes/media/media.routes.js';
import { registerMetricsRoutes } from './routes/metrics/metrics.routes.js';
import { registerPasswordResetRoutes } from './routes/password-resets/password-resets.routes.js';
import type { RouteContext } from './routes/route-context.js';
import { registerOtherSessionRoutes } from './routes/session/other-sessions.routes.js';
import { registerSessionRoutes } from './routes/session/session.routes.js';
import { registerTikTokRoutes } from './routes/tiktok/tiktok.routes.js';
import { registerCampaignRoutes } from './routes/campaigns/campaigns.routes.js';
import { registerReportRoutes } from './routes/reports/reports.routes.js';
import { registerWorkspaceRoutes } from './routes/workspaces/workspaces.routes.js';
import type { Services } from './services/services.js';

export interface AppOptions {
  services: Services;
  logger: FastifyBaseLogger;
  publicUrl: string;
  secureCookies: boolean;
  sessionSecret: string;
  /** Origins besides PUBLIC_URL's allowed to send state-changing requests (Vite's dev server). */
  extraAllowedOrigins?: string[];
  /** Proxies whose X-Forwarded-For is believed, as Fastify's `trustProxy` takes it. */
  trustProxy?: false | string[];
  /** Checked by /readyz. */
  readiness: () => Promise<void>;
  /** Folder of the built web app; when absent, only the API is served. */
  webRoot?: string;
  /**
   * Served at /metrics to METRICS_TOKEN's bearer only: without a token, PORT refuses everyone, this
   * machine included (a reverse proxy here would make every visitor look local).
   */
  metrics?: { metrics: Metrics; token: string | undefined };
  /** Where creative previews come from besides https (the built-in emulator's own address). */
  mediaOrigins?: string[];
}

/** API bodies are small JSON documents; anything bigger is a mistake or an attack. */
const bodyLimitBytes = 64 * 1024;

/** What every Whathead listener shares: request ids, the one error shape, answers no cache keeps. */
function createFastify(logger: FastifyBaseLogger, trustProxy: false | string[]): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger,
    genReqId: requestId,
    bodyLimit: bodyLimitBytes,
    trustProxy,
    return503OnClosing: true,
    // On close, sockets idle in keep-alive are closed at once rather than at keepAliveTimeout
    // (Fastify's 72 s, kept longer than load balancers' 60 s idle timeout so that they close first).
    forceCloseConnections: 'idle',
    frameworkErrors: answerFrameworkError,
    routerOptions: { maxParamLength: 200 },
  });
  registerErrorHandler(app);
  recordRouteTable(app);
  closeConnectionsOnceAnswered(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers are per user and often secret: no browser or proxy cache may keep them. The
    // web app's files set their own caching (http/web-app.ts).
    reply.header('cache-control', 'no-store');
  });
  return app;
}

/**
 * A request in flight when closing starts leaves its socket idle in keep-alive once answered, after
 * the one sweep of idle sockets close makes: `app.close()` would then wait out keepAliveTimeout.
 * `Connection: close` on those answers ends each socket as soon as its answer is sent (RFC 9112 §9.6).
 */
function closeConnectionsOnceAnswered(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}

export interface MetricsAppOptions {
  logger: FastifyBaseLogger;
  /** Checked by /readyz, as on the app. */
  readiness: () => Promise<void>;
  metrics: { metrics: Metrics; token: string | undefined };
}

/**
 * The METRICS_PORT listener: /healthz, /readyz and /metrics with the app's own routes, and nothing
 * else. A worker serves no other HTTP, so this is how it is scraped and probed. No proxy belongs in
 * front of it, so no X-Forwarded-For is believed, and it alone serves /metrics to this machine
 * without METRICS_TOKEN.
 */
export function buildMetricsApp(options: MetricsAppOptions): FastifyInstance {
  const app = createFastify(options.logger, false);
  registerHealthRoutes(app, options.readiness);
  registerMetricsRoutes(app, { ...options.metrics, loopbackWithoutToken: true });
  app.setNotFoundHandler((_request, reply) => sendNotFound(reply));
  return app;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = createFastify(options.logger, options.trustProxy ?? false);

  await app.register(fastifyCookie);
  // Only the upload route reads a multipart body, and it sets its own limits there.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 0, parts: 1 } });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Creatives are shown from TikTok's own links; a file being added is shown from the browser.
        imgSrc: ["'self'", 'data:', 'blob:', 'https:', ...(options.mediaOrigins ?? [])],
        mediaSrc: ["'self'", 'blob:', 'https:', ...(options.mediaOrigins ?? [])],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    // The TikTok connection opens a popup that must report back to this window.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.secureCookies ? { maxAge: 31_536_000 } : false,
  });

  registerSessionContext(app, options.services.sessions, options.secureCookies);
  const csrf = {
    secret: options.sessionSecret,
    secure: options.secureCookies,
    allowedOrigins: new Set([new URL(options.publicUrl).origin, ...(options.extraAllowedOrigins ?? [])]),
  };
  // Every state-changing request, whatever its path: no route may opt out by being spelled oddly.
  // A request no route matched changes nothing, so it answers "not found" rather than a CSRF
  // refusal that would send a caller hunting for a token problem.
  app.addHook('preHandler', async (request) => {
    if (!request.is404) assertCsrf(request, csrf);
  });

  const context: RouteContext = {
    services: options.services,
    sessionSecret: options.sessionSecret,
    secureCookies: options.secureCookies,
  };
  registerHealthRoutes(app, options.readiness);
  if (options.metrics) registerMetricsRoutes(app, { ...options.metrics, loopbackWithoutToken: false });
  registerSessionRoutes(app, context);
  registerAuthRoutes(app, context);
  registerPasswordResetRoutes(app, context);
  registerOtherSessionRoutes(app, context);
  registerAccountRoutes(app, context);
  registerCampaignRoutes(app, context);
  registerReportRoutes(app, context);
  registerMediaRoutes(app, context);
  registerBuilderRoutes(app, context);
  registerWorkspaceRoutes(app, context);
  registerInvitationRoutes(app, context);
  registerTikTokRoutes(app, context);
  await registerWebApp(app, options.webRoot);
  return app;
}
