import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  authorizableAdvertisers,
  businessCentersOf,
  hasTooWeakRole,
  membershipOf,
} from '../accounts/access.js';
import { consentChoices, grantedScope } from '../limits/permission-catalogue.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { AuthorizationSessionRecord } from '../state/records.js';
import { findUserByEmail } from '../state/store.js';
import {
  businessCenterPage,
  errorPage,
  loginPage,
  permissionDeniedPage,
  permissionsPage,
} from './page-templates.js';
import { issueAuthorizationCode } from './token-service.js';

type Form = Record<string, string | string[] | undefined>;
const sessionLifetime = 3_600_000;

const html = (reply: FastifyReply, body: string, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').send(body);

/** Reference §1.1: `/portal/auth` (and the legacy `/marketing_api/auth`) and the steps after it. */
export function registerAuthorizationPages(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const start = (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as Form;
    const appId = first(query.app_id);
    const redirectUri = first(query.redirect_uri);
    const registered = appId ? runtime.store.apps.get(appId) : undefined;
    // An unknown app or an unregistered redirect_uri must never be redirected to (RFC 6749 §4.1.2.1).
    if (!registered)
      return html(reply, errorPage('Invalid request', `The app "${appId ?? ''}" does not exist.`), 400);
    if (!redirectUri || !registered.redirectUris.includes(redirectUri)) {
      return html(
        reply,
        errorPage('Invalid request', 'The redirect_uri is not registered for this app.'),
        400,
      );
    }
    const session: AuthorizationSessionRecord = {
      sessionId: runtime.ids.sessionId(),
      appId: registered.appId,
      redirectUri,
      state: first(query.state),
      userId: undefined,
      bcId: undefined,
      createdAt: runtime.clock.now(),
    };
    runtime.store.authorizationSessions.set(session.sessionId, session);
    return html(reply, loginPage(session.sessionId, registered.name));
  };
  app.get('/portal/auth', start);
  app.get('/marketing_api/auth', start);

  app.post('/portal/auth/login', (request, reply) => {
    const form = request.body as Form;
    const session = sessionOf(runtime, form);
    if (!session) return expired(reply);
    const user = findUserByEmail(runtime.store, first(form.email) ?? '');
    if (!user || user.password !== first(form.password)) {
      return html(
        reply,
        loginPage(session.sessionId, appName(runtime, session), 'Incorrect email or password.'),
        401,
      );
    }
    session.userId = user.userId;
    return showBusinessCenters(runtime, session, reply);
  });

  app.post('/portal/auth/business-center', (request, reply) => {
    const form = request.body as Form;
    const session = sessionOf(runtime, form);
    if (!session?.userId) return expired(reply);
    const bcId = first(form.bc_id) ?? '';
    if (!membershipOf(runtime.store, session.userId, bcId))
      return showBusinessCenters(runtime, session, reply);
    session.bcId = bcId;
    const centerName = runtime.store.businessCenters.get(bcId)?.name ?? bcId;
    if (hasTooWeakRole(runtime.store, session.userId, bcId)) {
      return html(reply, permissionDeniedPage(session.sessionId, appName(runtime, session), centerName));
    }
    return showPermissions(runtime, session, reply);
  });

  app.post('/portal/auth/confirm', (request, reply) => {
    const form = request.body as Form;
    const session = sessionOf(runtime, form);
    if (!session?.userId || !session.bcId) return expired(reply);
    const requested = runtime.store.apps.get(session.appId)?.requestedPermissions ?? [];
    const ticked = all(form.permission).map(Number);
    if (ticked.length === 0)
      return showPermissions(runtime, session, reply, 'Select at least one permission.');
    const code = issueAuthorizationCode(runtime, {
      appId: session.appId,
      userId: session.userId,
      bcId: session.bcId,
      scope: grantedScope(requested, ticked),
    });
    runtime.store.authorizationSessions.delete(session.sessionId);
    // Reference §1.2: the code travels as `auth_code` and, for clients that read it, as `code`.
    return redirectBack(reply, session, { auth_code: code.code, code: code.code });
  });

  // Not documented by TikTok: we send OAuth 2.0's `error` (RFC 6749 §4.1.2.1) so the app can explain.
  app.post('/portal/auth/cancel', (request, reply) => {
    const session = sessionOf(runtime, request.body as Form);
    if (!session) return expired(reply);
    runtime.store.authorizationSessions.delete(session.sessionId);
    return redirectBack(reply, session, {
      error: 'access_denied',
      error_description: 'The user cancelled the authorization.',
    });
  });

  app.post('/portal/auth/deny', (request, reply) => {
    const session = sessionOf(runtime, request.body as Form);
    if (!session) return expired(reply);
    runtime.store.authorizationSessions.delete(session.sessionId);
    return redirectBack(reply, session, {
      error: 'permission_denied',
      error_description: "The user's role does not allow authorizing ad accounts in this Business Center.",
    });
  });
}

function showBusinessCenters(
  runtime: EmulatorRuntime,
  session: AuthorizationSessionRecord,
  reply: FastifyReply,
) {
  const user = runtime.store.users.get(session.userId ?? '');
  const centers = businessCentersOf(runtime.store, session.userId ?? '').map((membership) => ({
    bcId: membership.bcId,
    name: runtime.store.businessCenters.get(membership.bcId)?.name ?? membership.bcId,
    roleLabel: membership.userRole === 'ADMIN' ? 'Admin' : 'Standard member',
  }));
  return html(reply, businessCenterPage(session.sessionId, user?.displayName ?? '', centers));
}

function showPermissions(
  runtime: EmulatorRuntime,
  session: AuthorizationSessionRecord,
  reply: FastifyReply,
  error?: string,
) {
  const requested = runtime.store.apps.get(session.appId)?.requestedPermissions ?? [];
  const accounts = authorizableAdvertisers(runtime.store, session.userId ?? '', session.bcId ?? '');
  const centerName = runtime.store.businessCenters.get(session.bcId ?? '')?.name ?? '';
  return html(
    reply,
    permissionsPage(
      session.sessionId,
      appName(runtime, session),
      centerName,
      accounts,
      consentChoices(requested),
      error,
    ),
    error ? 400 : 200,
  );
}

function redirectBack(
  reply: FastifyReply,
  session: AuthorizationSessionRecord,
  parameters: Record<string, string>,
) {
  const target = new URL(session.redirectUri);
  for (const [name, value] of Object.entries(parameters)) target.searchParams.set(name, value);
  if (session.state !== undefined) target.searchParams.set('state', session.state);
  return reply.redirect(target.toString(), 302);
}

function sessionOf(runtime: EmulatorRuntime, form: Form | undefined): AuthorizationSessionRecord | undefined {
  const session = runtime.store.authorizationSessions.get(first(form?.session) ?? '');
  return session && runtime.clock.now() < session.createdAt + sessionLifetime ? session : undefined;
}

const expired = (reply: FastifyReply) =>
  html(
    reply,
    errorPage('Session expired', 'This authorization request has expired. Start again from the app.'),
    400,
  );

const appName = (runtime: EmulatorRuntime, session: AuthorizationSessionRecord): string =>
  runtime.store.apps.get(session.appId)?.name ?? 'The app';

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
const all = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
