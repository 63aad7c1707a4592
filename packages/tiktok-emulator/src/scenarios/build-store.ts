import { parseDateTime } from '../state/clock.js';
import type { AppRecord } from '../state/records.js';
import { createEmptyStore, findUserByEmail, type Store } from '../state/store.js';
import type { Scenario, ScenarioAdvertiser } from './scenario-schema.js';

/** Turns a validated scenario into a fresh store: accounts, memberships and registered apps. */
export function buildStore(scenario: Scenario, apps: AppRecord[]): Store {
  const store = createEmptyStore();
  for (const user of scenario.users) {
    store.users.set(user.user_id, {
      userId: user.user_id,
      email: user.email,
      password: user.password,
      displayName: user.display_name,
    });
  }
  const userIdOf = (email: string): string => findUserByEmail(store, email)?.userId ?? '';
  for (const center of scenario.business_centers) {
    store.businessCenters.set(center.bc_id, {
      bcId: center.bc_id,
      name: center.name,
      company: center.company ?? center.name,
      currency: center.currency,
      timezone: center.timezone,
      registeredArea: center.registered_area,
      status: center.status,
      type: center.type,
    });
    for (const member of center.members) {
      store.memberships.push({
        bcId: center.bc_id,
        userId: userIdOf(member.email),
        userRole: member.user_role,
        financeRole: member.finance_role,
        relationStatus: member.relation_status,
      });
    }
    for (const advertiser of center.advertisers) {
      addAdvertiser(
        store,
        advertiser,
        { bcId: center.bc_id, ownerUserId: undefined },
        center.company,
        userIdOf,
      );
    }
  }
  for (const user of scenario.users) {
    for (const advertiser of user.owned_advertisers) {
      addAdvertiser(store, advertiser, { bcId: undefined, ownerUserId: user.user_id }, undefined, userIdOf);
    }
  }
  for (const app of apps) store.apps.set(app.appId, { ...app, redirectUris: [...app.redirectUris] });
  return store;
}

function addAdvertiser(
  store: Store,
  advertiser: ScenarioAdvertiser,
  owner: { bcId: string | undefined; ownerUserId: string | undefined },
  centerCompany: string | undefined,
  userIdOf: (email: string) => string,
): void {
  store.advertisers.set(advertiser.advertiser_id, {
    advertiserId: advertiser.advertiser_id,
    ...owner,
    name: advertiser.name,
    company: advertiser.company ?? centerCompany ?? advertiser.name,
    status: advertiser.status,
    apiEligible: advertiser.api_eligible,
    role: advertiser.role,
    currency: advertiser.currency,
    timezone: advertiser.timezone,
    displayTimezone: advertiser.display_timezone,
    country: advertiser.country,
    industry: advertiser.industry,
    email: advertiser.email,
    cellphoneNumber: advertiser.cellphone_number,
    balance: advertiser.balance,
    rejectionReason: advertiser.rejection_reason ?? '',
    createTime: parseDateTime(advertiser.created) ?? Date.UTC(2024, 2, 1),
  });
  for (const member of advertiser.members) {
    store.assignments.push({
      advertiserId: advertiser.advertiser_id,
      userId: userIdOf(member.email),
      advertiserRole: member.advertiser_role,
    });
  }
}
