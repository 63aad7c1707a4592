import type {
  CampaignActionResponse,
  CampaignActionResult,
  CampaignChangesResponse,
  CampaignLevel,
  changeCampaignStatusInputSchema,
  editCampaignEntityInputSchema,
} from '@whathead/contracts';
import type { TikTokClient } from '@whathead/tiktok-client';
import type { z } from 'zod';
import { AppError, notFound, validationFailed } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import type { CampaignTableRepository, CampaignTableRow } from '../repositories/campaign-table.repository.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';
import type {
  EntityChange,
  TikTokEntityChangeRepository,
} from '../repositories/tiktok-entity-change.repository.js';
import type { MirrorEntity, TikTokMirrorRepository } from '../repositories/tiktok-mirror.repository.js';
import type { CampaignMirrorService } from './campaign-mirror.service.js';
import { describeRow } from './campaign-rows.js';
import { budgetProblem } from './tiktok-budget-rules.js';
import { withTikTokRequestIds } from './tiktok-call-context.js';
import type { TikTokConnectionService } from './tiktok-connection.service.js';
import { readEntities } from './tiktok-entity-sync.js';
import { toAppError } from './tiktok-errors.js';
import type { Actor, WorkspaceService } from './workspace.service.js';

type StatusInput = z.output<typeof changeCampaignStatusInputSchema>;
type EditInput = z.output<typeof editCampaignEntityInputSchema>;
type Operation = StatusInput['operation'];

/** How long an edit may hold its row: its three TikTok calls with retries, and then some. */
const editClaimMilliseconds = 60_000;

/** How many of a row's changes its history shows: enough to follow what happened lately. */
const historyLength = 200;

/** Reference §4.1: status updates take at most 20 ids a call. */
const idsPerStatusCall = 20;

const operationWords: Record<Operation, { done: string; already: string }> = {
  ENABLE: { done: 'Turned on.', already: 'Already on.' },
  DISABLE: { done: 'Turned off.', already: 'Already off.' },
  DELETE: { done: 'Deleted.', already: 'Already deleted.' },
};

const statusCalls = (tiktok: TikTokClient, level: CampaignLevel) =>
  level === 'campaign'
    ? (call: Call, ids: string[], operationStatus: Operation) =>
        tiktok.campaigns.updateStatus({ ...call, campaignIds: ids, operationStatus })
    : level === 'adgroup'
      ? (call: Call, ids: string[], operationStatus: Operation) =>
          tiktok.adGroups.updateStatus({ ...call, adGroupIds: ids, operationStatus })
      : (call: Call, ids: string[], operationStatus: Operation) =>
          tiktok.ads.updateStatus({ ...call, adIds: ids, operationStatus });

interface Call {
  accessToken: string;
  advertiserId: string;
}

/**
 * Changes made from the Campaigns table (issue 11, item 3), in the `interactive` lane: a person
 * waits. Nothing is overwritten silently: each row is read again from TikTok first, and one that
 * changed there since the mirror saw it comes back as a conflict unless the user chose to apply
 * anyway. Every change is recorded with who made it and TikTok's request id.
 */
export class CampaignActionService {
  readonly #changes: TikTokEntityChangeRepository;
  readonly #table: CampaignTableRepository;
  readonly #mirror: TikTokMirrorRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #mirrorService: CampaignMirrorService;
  readonly #workspaceService: WorkspaceService;
  readonly #tiktok: TikTokClient;
  readonly #clock: Clock;

  constructor(dependencies: {
    changes: TikTokEntityChangeRepository;
    table: CampaignTableRepository;
    mirror: TikTokMirrorRepository;
    connections: TikTokConnectionRepository;
    connectionService: TikTokConnectionService;
    mirrorService: CampaignMirrorService;
    workspaceService: WorkspaceService;
    tiktok: TikTokClient;
    clock: Clock;
  }) {
    this.#changes = dependencies.changes;
    this.#table = dependencies.table;
    this.#mirror = dependencies.mirror;
    this.#connections = dependencies.connections;
    this.#connectionService = dependencies.connectionService;
    this.#mirrorService = dependencies.mirrorService;
    this.#workspaceService = dependencies.workspaceService;
    this.#tiktok = dependencies.tiktok;
    this.#clock = dependencies.clock;
  }

  async changeStatus(actor: Actor, workspaceId: string, input: StatusInput): Promise<CampaignActionResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    workspaceId = workspaceId.toLowerCase();
    const targets = uniqueTargets(input.targets);
    // What the user saw, where the page said; otherwise what Whathead last synced.
    const seenStatus = new Map(
      targets.flatMap((target) =>
        target.seen ? [[key(target.advertiserId, target.id), target.seen.operationStatus] as const] : [],
      ),
    );
    const rows = await this.#rows(workspaceId, input.level, targets);
    const results = new Map<string, CampaignActionResult>();
    const settle = (
      advertiserId: string,
      id: string,
      outcome: CampaignActionResult['outcome'],
      message: string | null,
    ) => results.set(key(advertiserId, id), { advertiserId, id, outcome, message, row: null });

    const toSend = new Map<string, CampaignTableRow[]>();
    for (const target of targets) {
      const row = rows.get(key(target.advertiserId, target.id));
      if (!row) settle(target.advertiserId, target.id, 'skipped', 'Not among this workspace’s campaigns.');
      else if (!row.syncing)
        settle(
          target.advertiserId,
          target.id,
          'skipped',
          'Its ad account no longer syncs with Whathead: change it in TikTok Ads Manager, or select the account again in Integrations.',
        );
      else if (row.delivery === 'deleted' || row.operation_status === 'DELETE')
        settle(target.advertiserId, target.id, 'skipped', 'Deleted at TikTok: it can no longer be changed.');
      // "Already on" is decided on TikTok's answer below, not on a mirror that may be behind.
      else toSend.set(row.advertiser_id, [...(toSend.get(row.advertiser_id) ?? []), row]);
    }

    const syncing = await this.#mirror.syncingAccounts(workspaceId);
    for (const [advertiserId, accountRows] of toSend) {
      const account = syncing.find((each) => each.advertiserId === advertiserId);
      const connection = account && (await this.#connections.find(workspaceId, account.connectionId));
      if (!connection) {
        for (const row of accountRows)
          settle(
            advertiserId,
            row.entity_id,
            'failed',
            'Its TikTok connection is gone. Reconnect it in Integrations.',
          );
        continue;
      }
      try {
        await this.#connectionService.withConnectionToken(connection, actor, async (accessToken) => {
          const call = { accessToken, advertiserId };
          // Read again first: someone may have changed these in Ads Manager since the last sync.
          const current = await readEntities(
            this.#tiktok,
            call,
            input.level,
            accountRows.map((row) => row.entity_id),
          );
          await this.#mirror.upsert(workspaceId, advertiserId, current, this.#clock.now());
          const atTikTok = new Map(current.map((entity) => [entity.entityId, entity]));
          const ready: string[] = [];
          for (const row of accountRows) {
            const now = atTikTok.get(row.entity_id);
            if (!now) settle(advertiserId, row.entity_id, 'skipped', 'TikTok no longer has it.');
            else if (now.operationStatus === 'DELETE')
              settle(
                advertiserId,
                row.entity_id,
                'skipped',
                'Deleted at TikTok: it can no longer be changed.',
              );
            else if (now.operationStatus === input.operation)
              settle(advertiserId, row.entity_id, 'skipped', operationWords[input.operation].already);
            else if (
              now.operationStatus !==
              (seenStatus.get(key(advertiserId, row.entity_id)) ?? row.operation_status)
            )
              settle(advertiserId, row.entity_id, 'conflict', conflictWords);
            else ready.push(row.entity_id);
          }
          const send = statusCalls(this.#tiktok, input.level);
          for (let start = 0; start < ready.length; start += idsPerStatusCall) {
            const batch = ready.slice(start, start + idsPerStatusCall);
            try {
              const { requestIds } = await withTikTokRequestIds(() => send(call, batch, input.operation));
              for (const id of batch)
                settle(advertiserId, id, 'changed', operationWords[input.operation].done);
              await this.#record(
                workspaceId,
                advertiserId,
                input.level,
                actor,
                batch,
                atTikTok,
                input.operation,
                requestIds[0] ?? null,
              );
            } catch (error) {
              const message = toAppError(error).message;
              for (const id of batch) settle(advertiserId, id, 'failed', message);
            }
          }
          const changed = ready.filter((id) => results.get(key(advertiserId, id))?.outcome === 'changed');
          if (changed.length > 0) {
            try {
              await this.#mirror.upsert(
                workspaceId,
                advertiserId,
                await readEntities(this.#tiktok, call, input.level, changed),
                this.#clock.now(),
              );
            } catch {
              // Changed at TikTok all the same; the account's next pass updates the rows.
              await this.#mirrorService.queueSync(workspaceId, [advertiserId]).catch(() => undefined);
            }
          }
        });
      } catch (error) {
        const message = toAppError(error).message;
        for (const row of accountRows)
          if (!results.has(key(advertiserId, row.entity_id)))
            settle(advertiserId, row.entity_id, 'failed', message);
      }
    }
    // A campaign or ad group turned off or deleted changes what its ad groups and ads say.
    if (toSend.size > 0 && input.level !== 'ad')
      await this.#mirrorService.queueSync(workspaceId, [...toSend.keys()]).catch(() => undefined);

    const fresh = await this.#rows(workspaceId, input.level, targets);
    return {
      results: targets.map((target) => {
        const result = results.get(key(target.advertiserId, target.id))!;
        const row = fresh.get(key(target.advertiserId, target.id));
        return { ...result, row: row ? describeRow(row) : null };
      }),
    };
  }

  /**
   * Rename, Edit budget, Edit bid (campaigns and ad groups). What TikTok would refuse is refused
   * here first, before any call: a budget under TikTok's minimum, a bid on an ad group that does
   * not bid a custom price, a change to something deleted.
   */
  async edit(
    actor: Actor,
    target: { workspaceId: string; level: CampaignLevel; advertiserId: string; id: string },
    input: EditInput,
  ): Promise<CampaignActionResult> {
    await this.#workspaceService.requireMember(actor, target.workspaceId);
    const workspaceId = target.workspaceId.toLowerCase();
    const { level, advertiserId, id } = target;
    const row = (await this.#rows(workspaceId, level, [{ advertiserId, id }])).get(key(advertiserId, id));
    if (!row) throw notFound('This campaign, ad group or ad');
    if (!row.syncing)
      throw new AppError(
        'campaign_not_editable',
        'Its ad account no longer syncs with Whathead: change it in TikTok Ads Manager, or select the account again in Integrations.',
      );
    if (row.delivery === 'deleted' || row.operation_status === 'DELETE')
      throw new AppError('campaign_not_editable', 'Deleted at TikTok: it can no longer be changed.');
    if (level === 'ad')
      throw validationFailed([
        input.name === undefined
          ? {
              path: input.budget === undefined ? 'bid' : 'budget',
              message: 'Ads have no budget or bid: edit their ad group’s.',
            }
          : { path: 'name', message: 'Ads are renamed in TikTok Ads Manager for now.' },
      ]);
    const problems = [
      input.budget === undefined ? undefined : budgetProblem(row, input.budget, this.#clock.now()),
      input.bid === undefined || (level === 'adgroup' && row.bid_strategy === 'BID_TYPE_CUSTOM')
        ? undefined
        : { path: 'bid', message: 'Only an ad group that bids a custom price has a bid to edit.' },
    ].filter((problem) => problem !== undefined);
    if (problems.length > 0) throw validationFailed(problems);

    const account = (await this.#mirror.syncingAccounts(workspaceId)).find(
      (each) => each.advertiserId === advertiserId,
    );
    const connection = account && (await this.#connections.find(workspaceId, account.connectionId));
    if (!connection)
      throw new AppError(
        'campaign_not_editable',
        'Its TikTok connection is gone. Reconnect it in Integrations.',
      );
    // One edit of a row at a time, across every process: two saved together would both compare
    // the row with TikTok before either wrote, and the second would overwrite the first unseen.
    const entity = { level, advertiserId, entityId: id };
    const now = this.#clock.now();
    if (
      !(await this.#changes.claim(workspaceId, entity, now, new Date(now.getTime() + editClaimMilliseconds)))
    )
      throw new AppError(
        'campaign_not_editable',
        'Someone is saving a change to this right now. Try again in a moment.',
      );
    let result: Pick<CampaignActionResult, 'outcome' | 'message'>;
    try {
      ({ result } = await this.#connectionService.withConnectionToken(connection, actor, (accessToken) =>
        this.#applyEdit({ accessToken, advertiserId }, { workspaceId, level, id, row, input, actor }),
      ));
    } catch (error) {
      // TikTok busy or down before anything was written: the user hears it as such (a 503 with
      // when to retry, a 502), never as Whathead's own failure.
      throw toAppError(error);
    } finally {
      await this.#changes.release(workspaceId, entity);
    }
    const fresh = (await this.#rows(workspaceId, level, [{ advertiserId, id }])).get(key(advertiserId, id));
    return { advertiserId, id, ...result, row: fresh ? describeRow(fresh) : null };
  }

  /**
   * The edit itself, on a claimed row: read it again at TikTok, refuse to overwrite a change made
   * there unless asked, send only what differs, record it, and read the result back.
   */
  async #applyEdit(
    call: Call,
    edit: {
      workspaceId: string;
      level: CampaignLevel;
      id: string;
      row: CampaignTableRow;
      input: EditInput;
      actor: Actor;
    },
  ): Promise<Pick<CampaignActionResult, 'outcome' | 'message'>> {
    const { workspaceId, level, id, row, input, actor } = edit;
    const { advertiserId } = call;
    const [current] = await readEntities(this.#tiktok, call, level, [id]);
    if (!current) return { outcome: 'skipped', message: 'TikTok no longer has it.' };
    await this.#mirror.upsert(workspaceId, advertiserId, [current], this.#clock.now());
    if (current.operationStatus === 'DELETE')
      return { outcome: 'skipped', message: 'Deleted at TikTok: it can no longer be changed.' };
    // "Before" is TikTok's value as just read, which is what the change replaced; "seen" is what
    // the user saw (or, without it, what Whathead last synced).
    const seen = input.seen ?? {};
    const proposed: [EntityChange['field'], string | null, string | null | undefined, string | null][] = [
      ['name', current.name, input.name, seen.name ?? row.name],
      [
        'budget',
        money(current.budget),
        input.budget === undefined ? undefined : money(input.budget),
        money(amount(seen.budget === undefined ? row.budget : seen.budget)),
      ],
      [
        'bid',
        money(current.bid),
        input.bid === undefined ? undefined : money(input.bid),
        money(amount(seen.bid === undefined ? row.bid : seen.bid)),
      ],
    ];
    const changes = proposed.flatMap(([field, before, after, shown]) =>
      after === undefined || after === null || after === before ? [] : [{ field, before, after, shown }],
    );
    if (changes.length === 0)
      return { outcome: 'skipped', message: 'Nothing to change: TikTok already has these values.' };
    // Only a field this edit writes can be overwritten: a rename at TikTok does not block a budget.
    if (changes.some((change) => change.before !== change.shown))
      return { outcome: 'conflict', message: conflictWords };
    const changing = new Set(changes.map((change) => change.field));
    let requestIds: string[];
    try {
      ({ requestIds } = await withTikTokRequestIds(() =>
        level === 'campaign'
          ? this.#tiktok.campaigns.update({
              ...call,
              campaignId: id,
              name: changing.has('name') ? input.name : undefined,
              budget: changing.has('budget') ? input.budget : undefined,
            })
          : this.#tiktok.adGroups.update({
              ...call,
              adGroupId: id,
              name: changing.has('name') ? input.name : undefined,
              budget: changing.has('budget') ? input.budget : undefined,
              bidPrice: changing.has('bid') ? input.bid : undefined,
            }),
      ));
    } catch (error) {
      return { outcome: 'failed', message: toAppError(error).message };
    }
    await this.#changes.record(
      workspaceId,
      changes.map(({ field, before, after }) => ({
        advertiserId,
        level,
        entityId: id,
        actorUserId: actor.userId,
        field,
        before,
        after,
        tiktokRequestId: requestIds[0] ?? null,
        occurredAt: this.#clock.now(),
      })),
    );
    try {
      await this.#mirror.upsert(
        workspaceId,
        advertiserId,
        await readEntities(this.#tiktok, call, level, [id]),
        this.#clock.now(),
      );
    } catch {
      // Saved at TikTok all the same; the account's next pass brings the row up to date.
      await this.#mirrorService.queueSync(workspaceId, [advertiserId]).catch(() => undefined);
      return { outcome: 'changed', message: 'Saved. The table shows it after the next sync.' };
    }
    return { outcome: 'changed', message: 'Saved.' };
  }

  /** The row's history: what Whathead changed at TikTok, who did, newest first. */
  async changes(
    actor: Actor,
    target: { workspaceId: string; level: CampaignLevel; advertiserId: string; id: string },
  ): Promise<CampaignChangesResponse> {
    await this.#workspaceService.requireMember(actor, target.workspaceId);
    const workspaceId = target.workspaceId.toLowerCase();
    const { level, advertiserId, id } = target;
    const row = (await this.#rows(workspaceId, level, [{ advertiserId, id }])).get(key(advertiserId, id));
    if (!row) throw notFound('This campaign, ad group or ad');
    const changes = await this.#changes.list(
      workspaceId,
      { level, advertiserId, entityId: id },
      historyLength,
    );
    return {
      changes: changes.map((change) => ({
        id: change.id,
        occurredAt: change.occurredAt.toISOString(),
        actor: change.actor,
        field: change.field,
        before: change.before,
        after: change.after,
        tiktokRequestId: change.tiktokRequestId,
      })),
    };
  }

  async #rows(
    workspaceId: string,
    level: CampaignLevel,
    targets: readonly { advertiserId: string; id: string }[],
  ) {
    const rows = await this.#table.page({
      workspaceId,
      level,
      targets,
      status: 'all',
      sort: 'name',
      direction: 'asc',
      limit: targets.length,
    });
    return new Map(rows.map((row) => [key(row.advertiser_id, row.entity_id), row]));
  }

  async #record(
    workspaceId: string,
    advertiserId: string,
    level: CampaignLevel,
    actor: Actor,
    ids: readonly string[],
    /** How TikTok had them just before the change (read again then), not the mirror's older copy. */
    atTikTok: ReadonlyMap<string, MirrorEntity>,
    operation: Operation,
    requestId: string | null,
  ) {
    const before = new Map([...atTikTok].map(([id, entity]) => [id, entity.operationStatus]));
    await this.#changes.record(
      workspaceId,
      ids.map((id): EntityChange => ({
        advertiserId,
        level,
        entityId: id,
        actorUserId: actor.userId,
        field: 'status',
        before: before.get(id) ?? null,
        after: operation,
        tiktokRequestId: requestId,
        occurredAt: this.#clock.now(),
      })),
    );
  }
}

const key = (advertiserId: string, id: string) => `${advertiserId}:${id}`;

const amount = (value: string | number | null) => (value === null ? null : Number(value));

const conflictWords =
  'Changed in TikTok since you saw it (in Ads Manager, or from Whathead elsewhere): see how it stands there, then choose.';

/** Money as the history writes it: two decimals. */
const money = (value: number | null) => (value === null ? null : value.toFixed(2));

function uniqueTargets<Target extends { advertiserId: string; id: string }>(
  targets: readonly Target[],
): Target[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const each = key(target.advertiserId, target.id);
    if (seen.has(each)) return false;
    seen.add(each);
    return true;
  });
}
