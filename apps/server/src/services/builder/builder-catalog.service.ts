import type { AudienceList, Identity, Pixel, Region, TikTokApp } from '@whathead/contracts';
import type { TikTokClient, Identity as TikTokIdentity } from '@whathead/tiktok-client';
import type { Clock } from '../../lib/clock.js';
import type { BuilderAccountsRepository } from '../../repositories/builder/builder-accounts.repository.js';
import type { TikTokConnectionRepository } from '../../repositories/tiktok-connection.repository.js';
import type { TikTokConnectionService } from '../tiktok-connection.service.js';
import type { Actor, WorkspaceService } from '../workspace.service.js';
import { withAccountToken } from './account-call.js';
import { describeAudiences, lacksPermissionFor } from './catalog-audiences.js';
import { RegionCache } from './region-cache.js';
import { searchRegions } from './region-search.js';

/** More than any account has; a list that long is cut rather than read for minutes. */
const listLimit = 1000;

/**
 * What the builder's forms pick from, asked of TikTok for one of the workspace's ad accounts while
 * the marketer waits: locations (TikTok's region list, searched here), identities (and a new
 * custom one), pixels with the events they can optimise for, apps, and custom audiences.
 */
export class BuilderCatalogService {
  readonly #accounts: BuilderAccountsRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #workspaceService: WorkspaceService;
  readonly #tiktok: TikTokClient;
  readonly #regions: RegionCache;

  constructor(dependencies: {
    accounts: BuilderAccountsRepository;
    connections: TikTokConnectionRepository;
    connectionService: TikTokConnectionService;
    workspaceService: WorkspaceService;
    tiktok: TikTokClient;
    clock: Clock;
  }) {
    this.#accounts = dependencies.accounts;
    this.#connections = dependencies.connections;
    this.#connectionService = dependencies.connectionService;
    this.#workspaceService = dependencies.workspaceService;
    this.#tiktok = dependencies.tiktok;
    this.#regions = new RegionCache({ clock: dependencies.clock });
  }

  async regions(
    actor: Actor,
    target: { workspaceId: string; advertiserId: string },
    query: string | undefined,
  ): Promise<{ regions: Region[] }> {
    await this.#workspaceService.requireMember(actor, target.workspaceId);
    const entries = await this.#regionList(actor, target.workspaceId.toLowerCase(), target.advertiserId);
    return { regions: searchRegions(entries, query) };
  }

  /**
   * Location names for Select existing, which must not fail for want of them: the list this process
   * holds, else one read of it; none at all (the ids stand in) when TikTok cannot be asked.
   */
  async regionNames(workspaceId: string, advertiserId: string): Promise<ReadonlyMap<string, string>> {
    try {
      const entries =
        (await this.#regions.peek(advertiserId)) ??
        (await this.#regionList(undefined, workspaceId, advertiserId));
      return new Map(entries.map((entry) => [entry.locationId, entry.name]));
    } catch {
      return new Map();
    }
  }

  async identities(actor: Actor, target: { workspaceId: string; advertiserId: string }) {
    await this.#workspaceService.requireMember(actor, target.workspaceId);
    const identities = await this.#call(actor, target, 'read its identities', async (call) =>
      take(this.#tiktok.identities.list(call), listLimit),
    );
    return { identities: identities.flatMap((identity) => describeIdentity(identity) ?? []) };
  }

  /** A custom identity (CUSTOMIZED_USER, the only kind TikTok's API makes) with TikTok's default avatar. */
  async createIdentity(
    actor: Actor,
    target: { workspaceId: string; advertiserId: string },
    displayName: string,
  ): Promise<Identity> {
    await this.#workspaceService.requireMember(actor, target.workspaceId);
    const created = await this.#call(actor, target, 'create an identity', (call) =>
      this.#tiktok.identities.create({
        ...call,
        displayName,
        // /identity/create/ takes no request_id: after an ambiguous failure, the identity of that
        // name is looked for before the create is sent again.
        idempotency: {
          lookup: async () => {
            for await (const identity of this.#tiktok.identities.list({
              ...call,
              identityType: 'CUSTOMIZED_USER',
              keyword: displayName,
            }))
              if (identity.displayName === displayName) return { identityId: identity.identityId };
            return undefined;
          },
        },
      }),
    );
    return { type: 'CUSTOMIZED_USER', id: created.identityId, displayName, imageUrl: null };
  }

  /**
   * The account's pixels. Pixel Management is optional to Whathead (only website-conversion ad
   * groups need it, and connections made before the builder asked for it lack it): TikTok's
   * refusal for want of it is "not granted", never a connection that needs attention.
   */
  async pixels(
    actor: Actor,
    target: { workspaceId: string; advertiserId: string },
  ): Promise<{ granted: boolean; pixels: Pixel[] }> {
    await this.#workspaceService.requireMember(actor, target.workspaceId);
    const pixels = await this.#call(actor, target, 'read its pixels', (call) =>
      take(this.#tiktok.pixels.list(call), listLimit).catch((error: unknown) => {
        if (lacksPermissionFor(error, '/pixel/list/')) return undefined;
        throw error;
      }),
    );
    if (!pixels) return { granted: false, pixels: [] };
    return {
      granted: true,
      pixels: pixels.map((pixel) => {
        const events = new Map<string, string>();
        for (const event of pixel.events)
          if (event.optimizationEvent && !event.deprecated && !events.has(event.optimizationEvent))
            events.set(event.optimizationEvent, event.name || event.optimizationEvent);
        return {
          id: pixel.pixelId,
          code: pixel.pixelCode ?? '',
          name: pixel.name || pixel.pixelCode || pixel.pixelId,
          events: [...events].map(([name, label]) => ({ name, label })),
        };
      }),
    };
  }

  /** The account's apps; App Management is optional to Whathead, as Pixel Management is. */
  async apps(
    actor: Actor,
    target: { workspaceId: string; advertiserId: string },
  ): Promise<{ granted: boolean; apps: TikTokApp[] }> {
    await this.#workspaceService.requireMember(actor, target.workspaceId);
    const apps = await this.#call(actor, target, 'read its apps', (call) =>
      this.#tiktok.apps.get(call).catch((error: unknown) => {
        if (lacksPermissionFor(error, '/app/list/')) return undefined;
        throw error;
      }),
    );
    if (!apps) return { granted: false, apps: [] };
    return {
      granted: true,
      apps: apps.flatMap((app): TikTokApp[] => {
        const platform =
          app.platform === 'ANDROID' || app.appType === 'APP_ANDROID'
            ? 'ANDROID'
            : app.platform === 'IOS' || app.appType === 'APP_IOS'
              ? 'IOS'
              : undefined;
        return platform ? [{ id: app.appId, name: app.name || app.appId, platform }] : [];
      }),
    };
  }

  /**
   * The custom audiences an ad group can include or exclude. Audience Management is optional to
   * Whathead (connections made before the builder asked for it lack it): TikTok's refusal for
   * want of it is answered as "not granted" from inside the call, so it never flags the
   * connection as needing attention, which would stop everything else it does.
   */
  async audiences(
    actor: Actor,
    target: { workspaceId: string; advertiserId: string },
  ): Promise<AudienceList> {
    await this.#workspaceService.requireMember(actor, target.workspaceId);
    return this.#call(actor, target, 'read its audiences', async (call) => {
      try {
        return {
          granted: true,
          audiences: describeAudiences(await take(this.#tiktok.audiences.list(call), listLimit)),
        };
      } catch (error) {
        if (lacksPermissionFor(error, '/dmp/custom_audience/list/')) return { granted: false, audiences: [] };
        throw error;
      }
    });
  }

  /**
   * TikTok narrows the list by objective and placement without saying how (the emulator's open
   * question); the builder offers one list per account: TikTok placement, Traffic, down to cities.
   */
  #regionList(actor: Actor | undefined, workspaceId: string, advertiserId: string) {
    return this.#call(actor, { workspaceId, advertiserId }, 'read its locations', async (call) =>
      // Checked for this workspace first: the cache is per account, but only its users read it.
      this.#regions.get(advertiserId, () =>
        this.#tiktok.regions.get({
          ...call,
          placements: ['PLACEMENT_TIKTOK'],
          objectiveType: 'TRAFFIC',
          levelRange: 'TO_CITY',
        }),
      ),
    );
  }

  #call<Result>(
    actor: Actor | undefined,
    target: { workspaceId: string; advertiserId: string },
    purpose: string,
    work: (call: { accessToken: string; advertiserId: string }) => Promise<Result>,
  ): Promise<Result> {
    return withAccountToken(
      {
        accounts: this.#accounts,
        connections: this.#connections,
        connectionService: this.#connectionService,
      },
      actor,
      { workspaceId: target.workspaceId.toLowerCase(), advertiserId: target.advertiserId, purpose },
      work,
    );
  }
}

const identityTypes = ['CUSTOMIZED_USER', 'AUTH_CODE', 'TT_USER', 'BC_AUTH_TT'] as const;

/** An identity an ad can run under; one TikTok says cannot be used (a private account) is left out. */
function describeIdentity(identity: TikTokIdentity): Identity | undefined {
  const type = identityTypes.find((known) => known === identity.identityType);
  if (!type) return undefined;
  if (identity.availableStatus !== undefined && identity.availableStatus !== 'AVAILABLE') return undefined;
  return {
    type,
    id: identity.identityId,
    displayName: identity.displayName || identity.userName || identity.identityId,
    imageUrl: identity.profileImageUrl ?? null,
  };
}

async function take<Item>(items: AsyncIterable<Item>, limit: number): Promise<Item[]> {
  const taken: Item[] = [];
  for await (const item of items) {
    taken.push(item);
    if (taken.length >= limit) break;
  }
  return taken;
}
