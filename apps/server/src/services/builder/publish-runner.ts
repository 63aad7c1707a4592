import type { AdGroupNode, AdNode, CampaignNode, DraftNode } from '@whathead/contracts';
import type { Clock } from '../../lib/clock.js';
import { withCallRank, type TikTokClient } from '@whathead/tiktok-client';
import { TokenUnreadableError } from '../../lib/token-cipher.js';
import type { CreativeFilesRepository } from '../../repositories/builder/creative-files.repository.js';
import type { PublishItemRow, PublishesRepository } from '../../repositories/builder/publishes.repository.js';
import type { TikTokConnectionRepository } from '../../repositories/tiktok-connection.repository.js';
import type { TikTokConnectionService } from '../tiktok-connection.service.js';
import { needsReconnect } from '../tiktok-account-pass.js';
import { attentionCauseOf } from '../tiktok-errors.js';
import { publishFailure } from './publish-failures.js';
import { findCreated } from './publish-lookups.js';
import { coversFor } from './video-covers.js';
import {
  adCreative,
  adGroupCreate,
  adGroupUpdate,
  adUpdate,
  campaignCreate,
  campaignUpdate,
  statusChange,
} from './publish-payloads.js';

/** TikTok takes at most 20 creatives per /ad/create/ call (correction 5). */
const adsPerCall = 20;
/** How long an ad waits for its creative's copy into the account, and how often it looks. */
const copyWaitMilliseconds = 15 * 60_000;
const copyPollMilliseconds = 1_000;
/** Status updates take at most 20 ids per call (reference §4.1). */
const statusesPerCall = 20;
/**
 * Calls in flight at once, ad creates and the rest counted apart: enough to keep the shared budget
 * busy; the budget does the pacing. Ad creates have a budget of their own (/ad/create/, 5 a second
 * to the app's 10), so ads waiting for it must not keep the other calls from the app's slots.
 */
const inFlightMaximum = 10;

export type PublishAccounts = (
  workspaceId: string,
  advertiserId: string,
) => Promise<{ connectionId: string } | undefined>;

/** Stops the run: the connection needs a Reconnect, or TikTok is busy or down for now. */
class RunStopped extends Error {
  constructor(
    readonly reason: 'reconnect' | 'transient',
    override readonly cause: unknown,
  ) {
    super(reason);
  }
}

interface Task {
  keys: string[];
  /** `ads`: an /ad/create/ call (started first and counted apart, see inFlightMaximum). */
  kind?: 'ads';
  /**
   * How soon its calls ask for the shared budget among the publish's others: ad groups before
   * campaigns, as their ads wait for them (the limiter serves ads first while their budget is free).
   */
  rank?: number;
  run(): Promise<void>;
}

/**
 * Runs one publish (a `publish`-lane job). Parents go before their children and campaigns run
 * independently, as many calls in flight as the shared budget lets through. Every create is
 * journalled before it is sent (`sending`, with its request id) and confirmed with TikTok's id
 * after; a run that finds an item still `sending` (its process died, or the answer never came)
 * looks the object up at TikTok first, and only sends again when TikTok does not have it.
 */
export class PublishRunner {
  readonly #publishes: PublishesRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #accounts: PublishAccounts;
  readonly #tiktok: TikTokClient;
  readonly #creativeFiles: CreativeFilesRepository;
  readonly #clock: Clock;
  readonly #owner: string;
  readonly #leaseMilliseconds: number;
  /** The publishes this process is running now. */
  readonly #running = new Set<string>();
  #onPublished: ((workspaceId: string, advertiserIds: string[]) => Promise<unknown>) | undefined;

  constructor(dependencies: {
    publishes: PublishesRepository;
    connections: TikTokConnectionRepository;
    connectionService: TikTokConnectionService;
    accounts: PublishAccounts;
    tiktok: TikTokClient;
    creativeFiles: CreativeFilesRepository;
    clock: Clock;
    /** This process, as the lease names it. */
    owner: string;
    leaseMilliseconds: number;
  }) {
    this.#publishes = dependencies.publishes;
    this.#connections = dependencies.connections;
    this.#connectionService = dependencies.connectionService;
    this.#accounts = dependencies.accounts;
    this.#tiktok = dependencies.tiktok;
    this.#creativeFiles = dependencies.creativeFiles;
    this.#clock = dependencies.clock;
    this.#owner = dependencies.owner;
    this.#leaseMilliseconds = dependencies.leaseMilliseconds;
  }

  /**
   * Told when a publish changed what TikTok has in some ad accounts, so the campaigns mirror
   * reads them again at once: Campaigns and Select existing then show what was just published,
   * not what the last scheduled sync saw.
   */
  onPublished(listener: (workspaceId: string, advertiserIds: string[]) => Promise<unknown>): void {
    this.#onPublished = listener;
  }

  async run(publishId: string): Promise<Record<string, unknown>> {
    // The lease names the process, so it cannot keep two jobs of one publish in this process
    // (recovery queued it again before a run took it) from both running it: this does.
    if (this.#running.has(publishId)) return { skipped: 'this process runs it already' };
    this.#running.add(publishId);
    try {
      return await this.#run(publishId);
    } finally {
      this.#running.delete(publishId);
    }
  }

  async #run(publishId: string): Promise<Record<string, unknown>> {
    const leaseEnd = () => new Date(this.#clock.now().getTime() + this.#leaseMilliseconds);
    if (!(await this.#publishes.claim(publishId, this.#owner, this.#clock.now(), leaseEnd())))
      return { skipped: 'another process runs it, or it is not queued' };
    let leaseLost = false;
    const renewal = setInterval(() => {
      void this.#publishes
        .renew(publishId, this.#owner, leaseEnd())
        .then((held) => (leaseLost ||= !held))
        .catch(() => undefined);
    }, this.#leaseMilliseconds / 3);
    try {
      const publish = (await this.#publishes.findById(publishId))!;
      const run = new PublishRun(
        this,
        publish.id,
        publish.workspace_id,
        await this.#publishes.items(publishId),
        () => leaseLost,
      );
      const outcome = await run.execute();
      if (outcome === 'lost') return { stopped: 'lease lost' };
      const items = await this.#publishes.items(publishId);
      const failed = items.filter((item) => item.state === 'failed' || item.state === 'waiting').length;
      const confirmed = items
        .filter((item) => item.state === 'confirmed' && item.tiktok_id)
        .map((item) => ({
          key: item.node_key,
          tiktokId: item.tiktok_id!,
          settings: (item.node as DraftNode).settings,
        }));
      await this.#publishes.finish(
        { id: publish.id, workspaceId: publish.workspace_id, draftId: publish.draft_id },
        failed > 0 ? 'failed' : 'succeeded',
        confirmed,
        this.#clock.now(),
      );
      const changed = [
        ...new Set(
          items
            .filter((item) => item.state === 'confirmed' && item.action !== 'skip')
            .map((item) => item.advertiser_id),
        ),
      ];
      // The publish is done whatever the sync's queueing does.
      if (changed.length > 0) await this.#onPublished?.(publish.workspace_id, changed).catch(() => undefined);
      return { confirmed: confirmed.length, failed };
    } catch (error) {
      if (error instanceof RunStopped && error.reason === 'reconnect') {
        await this.#publishes.setState(publishId, ['running'], {
          state: 'blocked',
          blockedReason: needsReconnect,
        });
        return { blocked: 'reconnect' };
      }
      // TikTok busy or down, or our own failure: the lease ends now so the retry (pg-boss's, or
      // the recovery sweep's) is not kept waiting; the journal says what is left.
      await this.#publishes.renew(publishId, this.#owner, this.#clock.now()).catch(() => undefined);
      throw error instanceof RunStopped ? error.cause : error;
    } finally {
      clearInterval(renewal);
    }
  }

  /** @internal for PublishRun */
  get parts() {
    return {
      publishes: this.#publishes,
      connections: this.#connections,
      connectionService: this.#connectionService,
      accounts: this.#accounts,
      tiktok: this.#tiktok,
      creativeFiles: this.#creativeFiles,
      clock: this.#clock,
    };
  }
}

/** One pass over a publish's items. */
class PublishRun {
  readonly #items: Map<string, PublishItemRow>;
  readonly #tokens = new Map<
    string,
    Promise<((work: (token: string) => Promise<void>) => Promise<void>) | undefined>
  >();
  /** TikTok ids this publish confirmed, so a lookup never claims one twice. */
  readonly #claimed = new Set<string>();
  readonly #started = new Set<string>();
  readonly #coverRequests = new Map<string, Promise<string | undefined>>();
  /** Ads to send one per call after their batch was refused. */
  readonly #splitAds = new Set<string>();

  constructor(
    readonly runner: PublishRunner,
    readonly publishId: string,
    readonly workspaceId: string,
    items: PublishItemRow[],
    readonly leaseLost: () => boolean,
  ) {
    this.#items = new Map(items.map((item) => [item.node_key, item]));
    for (const item of items) if (item.tiktok_id) this.#claimed.add(item.tiktok_id);
  }

  get #parts() {
    return this.runner.parts;
  }

  async execute(): Promise<'done' | 'lost'> {
    const inFlight = new Set<Promise<void>>();
    const adsInFlight = new Set<Promise<void>>();
    let stop: unknown;
    for (;;) {
      if (this.leaseLost()) return 'lost';
      if (stop === undefined) {
        for (const task of this.#readyTasks()) {
          const count = task.kind === 'ads' ? adsInFlight : inFlight;
          if (count.size >= inFlightMaximum) continue;
          for (const key of task.keys) this.#started.add(key);
          const running: Promise<void> = withCallRank(task.rank ?? 0, () => task.run())
            .catch((error: unknown) => {
              stop ??= error;
            })
            .finally(() => count.delete(running));
          count.add(running);
        }
      }
      if (inFlight.size + adsInFlight.size === 0) break;
      await Promise.race([...inFlight, ...adsInFlight]);
    }
    if (stop !== undefined) throw stop;
    return 'done';
  }

  /** Work whose parents TikTok has: creates under known ids, and every update. */
  #readyTasks(): Task[] {
    const tasks: Task[] = [];
    const adsByParent = new Map<string, PublishItemRow[]>();
    const statusOnly = new Map<string, PublishItemRow[]>();
    for (const item of this.#items.values()) {
      if (this.#started.has(item.node_key) || (item.state !== 'pending' && item.state !== 'sending'))
        continue;
      if (item.action === 'update') {
        const node = item.node as DraftNode;
        const status = statusChange(node);
        // A pause or resume alone joins others of its level and account: up to 20 in one call.
        if (status && (item.changes as { field: string }[]).every((change) => change.field === 'status')) {
          const group = `${item.advertiser_id}|${item.level}|${status}`;
          statusOnly.set(group, [...(statusOnly.get(group) ?? []), item]);
        } else tasks.push(this.#updateTask(item));
        continue;
      }
      if (item.level === 'campaign') {
        tasks.push(this.#createTask(item, null));
        continue;
      }
      const parent = item.parent_key ? this.#items.get(item.parent_key) : undefined;
      const parentId = parent ? this.#tiktokIdOf(parent) : undefined;
      if (parent && (parent.state === 'failed' || parent.state === 'waiting')) {
        this.#started.add(item.node_key);
        tasks.push(this.#waitTask(item, parent));
        continue;
      }
      if (!parentId) continue;
      if (item.level === 'adgroup') tasks.push(this.#createTask(item, parentId));
      else if (this.#splitAds.has(item.node_key)) tasks.push(this.#adsTask([item], parentId));
      else {
        const siblings = adsByParent.get(parentId) ?? [];
        siblings.push(item);
        adsByParent.set(parentId, siblings);
      }
    }
    for (const items of statusOnly.values()) {
      for (let start = 0; start < items.length; start += statusesPerCall)
        tasks.push(this.#statusTask(items.slice(start, start + statusesPerCall)));
    }
    // Ads first: the deepest work finishes trees, and /ad/create/'s own budget is the scarcer.
    const adTasks: Task[] = [];
    for (const [adGroupId, ads] of adsByParent) {
      for (let start = 0; start < ads.length; start += adsPerCall)
        adTasks.push(this.#adsTask(ads.slice(start, start + adsPerCall), adGroupId));
    }
    return [...adTasks, ...tasks];
  }

  #tiktokIdOf(item: PublishItemRow): string | undefined {
    if (item.state === 'confirmed' || item.state === 'skipped')
      return item.tiktok_id ?? (item.node as DraftNode).tiktokId ?? undefined;
    return undefined;
  }

  #waitTask(item: PublishItemRow, parent: PublishItemRow): Task {
    return {
      keys: [item.node_key],
      run: async () => {
        const what = parent.level === 'campaign' ? 'campaign' : 'ad group';
        await this.#setFailed(
          [item],
          'waiting',
          `Not sent: its ${what} “${parent.name}” was not published.`,
          null,
        );
      },
    };
  }

  /** Runs TikTok work with the account's token; a broken connection stops the whole run. */
  async #withToken(
    advertiserId: string,
    work: (token: string) => Promise<void>,
  ): Promise<'no-account' | void> {
    let opener = this.#tokens.get(advertiserId);
    if (!opener) {
      opener = this.#openAccount(advertiserId);
      this.#tokens.set(advertiserId, opener);
    }
    const withToken = await opener;
    if (!withToken) return 'no-account';
    return withToken(work);
  }

  async #openAccount(advertiserId: string) {
    const { accounts, connections, connectionService } = this.#parts;
    const account = await accounts(this.workspaceId, advertiserId);
    const connection = account && (await connections.find(this.workspaceId, account.connectionId));
    if (!connection) return undefined;
    if (connection.status !== 'connected') throw new RunStopped('reconnect', undefined);
    return async (work: (token: string) => Promise<void>) => {
      try {
        await connectionService.withConnectionToken(connection, undefined, work);
      } catch (error) {
        if (error instanceof TokenUnreadableError || attentionCauseOf(error))
          throw new RunStopped('reconnect', error);
        throw error;
      }
    };
  }

  #now() {
    return this.#parts.clock.now();
  }

  async #setFailed(
    items: readonly PublishItemRow[],
    state: 'failed' | 'waiting',
    error: string,
    field: string | null,
  ): Promise<void> {
    await this.#parts.publishes.fail(
      this.publishId,
      items.map((item) => item.node_key),
      state,
      error,
      field,
    );
    for (const item of items) this.#items.set(item.node_key, { ...item, state, error, error_field: field });
  }

  async #confirm(item: PublishItemRow, tiktokId: string | null): Promise<void> {
    await this.#parts.publishes.confirm(this.publishId, item.node_key, tiktokId, this.#now());
    if (tiktokId) this.#claimed.add(tiktokId);
    this.#items.set(item.node_key, { ...item, state: 'confirmed', tiktok_id: tiktokId });
  }

  async #markSending(items: readonly PublishItemRow[]): Promise<void> {
    const now = this.#now();
    await this.#parts.publishes.markSending(
      this.publishId,
      items.map((item) => item.node_key),
      now,
    );
    for (const item of items)
      this.#items.set(item.node_key, { ...item, state: 'sending', sent_at: item.sent_at ?? now });
  }

  /**
   * A refusal fails the items it concerns (in words, with the field); TikTok busy or down stops
   * the run, leaving the journal for the retry to reconcile.
   */
  async #refused(items: readonly PublishItemRow[], error: unknown): Promise<void> {
    if (error instanceof RunStopped) throw error;
    // A refused token is the connection's problem, not the item's: it goes up to the account's
    // token holder, which flags the connection and stops the run for Reconnect.
    if (attentionCauseOf(error)) throw error;
    const failure = publishFailure(error, items[0]!.level);
    if (!failure) throw new RunStopped('transient', error);
    await this.#setFailed(items, 'failed', failure.message, failure.field);
  }

  #noAccount(items: readonly PublishItemRow[]): Promise<void> {
    return this.#setFailed(
      items,
      'failed',
      'This ad account is no longer selected for the workspace, or its connection is gone. Select it in Integrations, then publish again.',
      null,
    );
  }

  #createTask(item: PublishItemRow, parentId: string | null): Task {
    return {
      keys: [item.node_key],
      rank: item.level === 'adgroup' ? 1 : 0,
      run: async () => {
        const node = item.node as CampaignNode | AdGroupNode;
        const outcome = await this.#withToken(item.advertiser_id, async (accessToken) => {
          const call = { accessToken, advertiserId: item.advertiser_id };
          // What TikTok created since the first send is this item's (the lookup allows for clock skew).
          const sentAt = item.sent_at ?? this.#now();
          const lookup = () => findCreated(this.#parts.tiktok, call, item, parentId, this.#claimed, sentAt);
          // Sent before, and the answer never recorded: TikTok may have it already.
          if (item.state === 'sending') {
            const found = await lookup();
            if (found) return this.#confirm(item, found);
          }
          await this.#markSending([item]);
          try {
            const requestId = item.request_id!;
            const id =
              node.level === 'campaign'
                ? (
                    await this.#parts.tiktok.campaigns.create({
                      ...campaignCreate(node, call, requestId),
                      idempotency: { requestId, lookup: async () => mapFound(await lookup(), 'campaignId') },
                    })
                  ).campaignId
                : // An ad group set to start now starts at TikTok's now: the wall clock, not the
                  // app's clock (tests move that one); TikTok refuses starts 12 hours past.
                  (
                    await this.#parts.tiktok.adGroups.create({
                      ...adGroupCreate(node, this.#campaignOf(item, parentId!), call, requestId, Date.now()),
                      idempotency: { requestId, lookup: async () => mapFound(await lookup(), 'adGroupId') },
                    })
                  ).adGroupId;
            await this.#confirm(item, id);
          } catch (error) {
            await this.#refused([item], error);
          }
        });
        if (outcome === 'no-account') await this.#noAccount([item]);
      },
    };
  }

  /**
   * Ads whose creative was copied from another account's library (publish.service queued the
   * copy): each waits for its upload to this account and then names the copy; a failed copy
   * fails its ad with the upload's reason. Answers the ads still to send.
   */
  async #withCopiedCreatives(items: PublishItemRow[]): Promise<PublishItemRow[]> {
    const ready: PublishItemRow[] = [];
    for (const item of items) {
      const node = item.node as AdNode;
      const creative = node.settings.creative;
      if (!creative?.advertiserId || creative.advertiserId === item.advertiser_id || !creative.sha256) {
        ready.push(item);
        continue;
      }
      const copy = await this.#copyOf(item.advertiser_id, creative.sha256);
      if ('error' in copy) {
        await this.#setFailed(
          [item],
          'failed',
          `Copying “${creative.fileName}” into this ad account failed: ${copy.error}`,
          'creative',
        );
        continue;
      }
      const sent = {
        ...node,
        settings: {
          ...node.settings,
          creative: { ...creative, materialId: copy.mediaId, advertiserId: item.advertiser_id },
        },
      };
      // What is written back into the draft: the ad names the copy in its own account.
      await this.#parts.publishes.replaceNode(this.publishId, item.node_key, sent);
      this.#items.set(item.node_key, { ...item, node: sent });
      ready.push({ ...item, node: sent });
    }
    return ready;
  }

  async #copyOf(advertiserId: string, sha256: string): Promise<{ mediaId: string } | { error: string }> {
    const deadline = Date.now() + copyWaitMilliseconds;
    for (;;) {
      const upload = await this.#parts.creativeFiles.latestUpload(this.workspaceId, advertiserId, sha256);
      if (!upload) return { error: 'no copy was queued. Publish again.' };
      if (upload.state === 'ready' && upload.mediaId) return { mediaId: upload.mediaId };
      if (upload.state === 'failed') return { error: upload.error ?? 'the upload failed.' };
      if (Date.now() > deadline || this.leaseLost())
        return { error: 'TikTok is still processing the copy. Publish again in a few minutes.' };
      await new Promise((resolve) => setTimeout(resolve, copyPollMilliseconds));
    }
  }

  /**
   * Covers for these videos, each fetched and uploaded once per run: two ad groups' ads of one
   * video, sent at once, would otherwise upload the same cover twice (TikTok refuses the second
   * name: 40911).
   */
  async #covers(
    call: { accessToken: string; advertiserId: string },
    videoIds: string[],
  ): Promise<Map<string, string>> {
    const missing = videoIds.filter((videoId) => !this.#coverRequests.has(`${call.advertiserId}|${videoId}`));
    if (missing.length > 0) {
      const request = coversFor(this.#parts.tiktok, call, missing);
      for (const videoId of missing)
        this.#coverRequests.set(
          `${call.advertiserId}|${videoId}`,
          request.then((covers) => covers.get(videoId)),
        );
    }
    const covers = new Map<string, string>();
    for (const videoId of videoIds) {
      const cover = await this.#coverRequests.get(`${call.advertiserId}|${videoId}`);
      if (cover) covers.set(videoId, cover);
    }
    return covers;
  }

  /** The ad group's campaign as TikTok has it: its id, and the settings budgets depend on. */
  #campaignOf(item: PublishItemRow, campaignId: string) {
    const parent = item.parent_key ? this.#items.get(item.parent_key) : undefined;
    return { tiktokId: campaignId, settings: (parent!.node as CampaignNode).settings };
  }

  #adsTask(items: PublishItemRow[], adGroupId: string): Task {
    return {
      keys: items.map((item) => item.node_key),
      kind: 'ads',
      run: async () => {
        const outcome = await this.#withToken(items[0]!.advertiser_id, async (accessToken) => {
          const call = { accessToken, advertiserId: items[0]!.advertiser_id };
          let toSend = items;
          const earlier = items.filter((item) => item.state === 'sending');
          for (const item of earlier) {
            const found = await findCreated(
              this.#parts.tiktok,
              call,
              item,
              adGroupId,
              this.#claimed,
              item.sent_at!,
            );
            if (found) await this.#confirm(item, found);
          }
          toSend = await this.#withCopiedCreatives(
            items.filter((item) => this.#items.get(item.node_key)!.state !== 'confirmed'),
          );
          if (toSend.length === 0) return;
          const covers = await this.#covers(call, videosWithoutCover(toSend));
          await this.#markSending(toSend);
          const sentAt = this.#now();
          const lookupAll = async () => {
            const ids: string[] = [];
            const claimed = new Set(this.#claimed);
            for (const item of toSend) {
              const found = await findCreated(this.#parts.tiktok, call, item, adGroupId, claimed, sentAt);
              if (!found) return undefined;
              claimed.add(found);
              ids.push(found);
            }
            return { adIds: ids };
          };
          try {
            const created = await this.#parts.tiktok.ads.create({
              ...call,
              adGroupId,
              creatives: toSend.map((item) => withCover(adCreative(item.node as AdNode), covers)),
              idempotency: { lookup: lookupAll },
            });
            for (const [index, item] of toSend.entries())
              await this.#confirm(item, created.adIds[index] ?? null);
          } catch (error) {
            if (error instanceof RunStopped) throw error;
            if (toSend.length === 1 || !publishFailure(error, 'ad')) return this.#refused(toSend, error);
            // One creative's refusal fails the whole call: each goes again alone, so only the
            // one TikTok refuses fails.
            await this.#parts.publishes.fail(
              this.publishId,
              toSend.map((item) => item.node_key),
              'pending',
              null,
              null,
            );
            for (const item of toSend) {
              this.#items.set(item.node_key, { ...item, state: 'pending' });
              this.#started.delete(item.node_key);
            }
            for (const item of toSend) this.#splitAds.add(item.node_key);
          }
        });
        if (outcome === 'no-account') await this.#noAccount(items);
      },
    };
  }

  #updateTask(item: PublishItemRow): Task {
    return {
      keys: [item.node_key],
      run: async () => {
        const node = item.node as DraftNode;
        const outcome = await this.#withToken(item.advertiser_id, async (accessToken) => {
          const call = { accessToken, advertiserId: item.advertiser_id };
          await this.#markSending([item]);
          try {
            const tiktok = this.#parts.tiktok;
            if (node.level === 'campaign') {
              const update = campaignUpdate(node, call);
              if (update) await tiktok.campaigns.update(update);
            } else if (node.level === 'adgroup') {
              const update = adGroupUpdate(node, call);
              if (update) await tiktok.adGroups.update(update);
            } else {
              const creative = adUpdate(node);
              const parent = item.parent_key ? this.#items.get(item.parent_key) : undefined;
              const adGroupId = parent
                ? (parent.tiktok_id ?? (parent.node as DraftNode).tiktokId)
                : undefined;
              const covers = creative?.videoId
                ? await this.#covers(call, videosWithoutCover([item]))
                : new Map();
              if (creative && adGroupId)
                await tiktok.ads.update({
                  ...call,
                  adGroupId,
                  creatives: [withCover(creative, covers)],
                  patchUpdate: true,
                });
            }
            const status = statusChange(node);
            if (status && node.tiktokId) await this.#setStatus(node.level, [node.tiktokId], status, call);
            await this.#confirm(item, node.tiktokId);
          } catch (error) {
            await this.#refused([item], error);
          }
        });
        if (outcome === 'no-account') await this.#noAccount([item]);
      },
    };
  }

  /** Items of one account and level whose only change is the same status. */
  #statusTask(items: PublishItemRow[]): Task {
    return {
      keys: items.map((item) => item.node_key),
      run: async () => {
        const first = items[0]!.node as DraftNode;
        const outcome = await this.#withToken(items[0]!.advertiser_id, async (accessToken) => {
          const call = { accessToken, advertiserId: items[0]!.advertiser_id };
          await this.#markSending(items);
          try {
            const ids = items.map((item) => (item.node as DraftNode).tiktokId!);
            await this.#setStatus(first.level, ids, statusChange(first)!, call);
            for (const item of items) await this.#confirm(item, (item.node as DraftNode).tiktokId);
          } catch (error) {
            await this.#refused(items, error);
          }
        });
        if (outcome === 'no-account') await this.#noAccount(items);
      },
    };
  }

  async #setStatus(
    level: DraftNode['level'],
    ids: string[],
    status: 'ENABLE' | 'DISABLE',
    call: { accessToken: string; advertiserId: string },
  ) {
    const tiktok = this.#parts.tiktok;
    if (level === 'campaign')
      await tiktok.campaigns.updateStatus({ ...call, campaignIds: ids, operationStatus: status });
    else if (level === 'adgroup')
      await tiktok.adGroups.updateStatus({ ...call, adGroupIds: ids, operationStatus: status });
    else await tiktok.ads.updateStatus({ ...call, adIds: ids, operationStatus: status });
  }
}

/** Video ads whose creative names no cover image: TikTok's own cover is fetched for them. */
function videosWithoutCover(items: readonly PublishItemRow[]): string[] {
  const ids = items.flatMap((item) => {
    const settings = (item.node as AdNode).settings;
    return settings.format === 'SINGLE_VIDEO' && settings.creative && !settings.creative.coverImageId
      ? [settings.creative.materialId]
      : [];
  });
  return [...new Set(ids)];
}

function withCover<Creative extends { videoId?: string | undefined; imageIds?: string[] | undefined }>(
  creative: Creative,
  covers: ReadonlyMap<string, string>,
): Creative {
  const cover = creative.videoId ? covers.get(creative.videoId) : undefined;
  return cover && !creative.imageIds?.length ? { ...creative, imageIds: [cover] } : creative;
}

function mapFound<Key extends string>(id: string | undefined, key: Key): Record<Key, string> | undefined {
  return id === undefined ? undefined : ({ [key]: id } as Record<Key, string>);
}
