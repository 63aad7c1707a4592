import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  advertiserRoleOf,
  businessCentersOf,
  grantableAdvertisers,
  membershipOf,
} from '../accounts/access.js';
import { consentChoices, grantedScope } from '../limits/permission-catalogue.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { AuthorizationSessionRecord } from '../state/records.js';
import { findUserByEmail } from '../state/store.js';
import { businessCenterPage, consentPage, type AccountChoice } from './consent-templates.js';
import { cancelledPage, errorPage, loginPage } from './page-templates.js';
import { issueAuthorizationCode } from './token-service.js';

type Form = Record<string, string | string[] | undefined>;
const sessionLifetime = 3_600_000;

const html = (reply: FastifyReply, body: string, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').send(body);

/**
 * Reference §1.1 and correction 14: `/portal/auth` (and the legacy `/marketing_api/auth`), log-in,
 * then consent to a set of ad accounts and the app's permissions; a Business Center picker only
 * under `businessCenterStep: 'pick'`.
 */
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
    // A user outside every Business Center has nothing to pick: straight to their own accounts.
    const picking =
      runtime.settings.businessCenterStep === 'pick' &&
      businessCentersOf(runtime.store, user.userId).length > 0;
    return picking ? showBusinessCenters(runtime, session, reply) : showConsent(runtime, session, reply);
  });

  app.post('/portal/auth/business-center', (request, reply) => {
    const form = request.body as Form;
    const session = sessionOf(runtime, form);
    if (!session?.userId) return expired(reply);
    const bcId = first(form.bc_id) ?? '';
    if (!membershipOf(runtime.store, session.userId, bcId))
      return showBusinessCenters(runtime, session, reply);
    session.bcId = bcId;
    return showConsent(runtime, session, reply);
  });

  app.post('/portal/auth/confirm', (request, reply) => {
    const form = request.body as Form;
    const session = sessionOf(runtime, form);
    if (!session?.userId) return expired(reply);
    const requested = runtime.store.apps.get(session.appId)?.requestedPermissions ?? [];
    const ticked = all(form.permission).map(Number);
    // Correction 14: the grant is the ticked accounts, and may be empty; forged ids are dropped.
    const offered = offeredAccounts(runtime, session).map((advertiser) => advertiser.advertiserId);
    const chosen = new Set(all(form.advertiser_id));
    const advertiserIds = offered.filter((advertiserId) => chosen.has(advertiserId));
    if (ticked.length === 0) {
      return showConsent(runtime, session, reply, {
        error: 'Select at least one permission.',
        tickedAccounts: chosen,
        tickedPermissions: new Set(ticked),
      });
    }
    const code = issueAuthorizationCode(runtime, {
      appId: session.appId,
      userId: session.userId,
      advertiserIds,
      scope: grantedScope(requested, ticked),
      ...(session.bcId ? { pickedBcId: session.bcId } : {}),
    });
    runtime.store.authorizationSessions.delete(session.sessionId);
    // Reference §1.2: the code travels as `auth_code` and, for clients that read it, as `code`.
    return redirectBack(reply, session, { auth_code: code.code, code: code.code });
  });

  // Not documented by TikTok, so each reading is a setting (`cancelRedirect`, README reading 4).
  app.post('/portal/auth/cancel', (request, reply) => {
    const session = sessionOf(runtime, request.body as Form);
    if (!session) return expired(reply);
    runtime.store.authorizationSessions.delete(session.sessionId);
    const reading = runtime.settings.cancelRedirect;
    if (reading === 'none') return html(reply, cancelledPage(appName(runtime, session)));
    if (reading === 'state_only') return redirectBack(reply, session, {});
    return redirectBack(reply, session, {
      error: 'access_denied',
      error_description: 'The user cancelled the authorization.',
    });
  });
}

/** Every account the user can grant, or only the picked Business Center's (`businessCenterStep: 'pick'`). */
const offeredAccounts = (runtime: EmulatorRuntime, session: AuthorizationSessionRecord) =>
  grantableAdvertisers(runtime.store, session.userId ?? '', session.bcId);

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

const roleLabels = { ADMIN: 'Admin', OPERATOR: 'Operator', ANALYST: 'Analyst' } as const;

function showConsent(
  runtime: EmulatorRuntime,
  session: AuthorizationSessionRecord,
  reply: FastifyReply,
  retry?: { error: string; tickedAccounts: Set<string>; tickedPermissions: Set<number> },
) {
  const { store } = runtime;
  const userId = session.userId ?? '';
  const accounts: AccountChoice[] = offeredAccounts(runtime, session).map((advertiser) => {
    const place = advertiser.bcId ? (store.businessCenters.get(advertiser.bcId)?.name ?? '') : 'Owned by you';
    const role = advertiserRoleOf(store, userId, advertiser.advertiserId);
    return {
      advertiserId: advertiser.advertiserId,
      name: advertiser.name,
      note: role ? `${place} · ${roleLabels[role]}` : place,
      // TikTok "may offer to pick them": all ticked at first, the user may untick.
      ticked: retry ? retry.tickedAccounts.has(advertiser.advertiserId) : true,
    };
  });
  const requested = store.apps.get(session.appId)?.requestedPermissions ?? [];
  const page = consentPage({
    sessionId: session.sessionId,
    appName: appName(runtime, session),
    userName: store.users.get(userId)?.displayName ?? '',
    accounts,
    groups: consentChoices(requested),
    tickedPermissions: retry?.tickedPermissions,
    ...(retry ? { error: retry.error } : {}),
  });
  return html(reply, page, retry ? 400 : 200);
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
