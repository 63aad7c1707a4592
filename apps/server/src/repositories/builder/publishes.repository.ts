import type { Database, Kysely, PublishItemState, PublishState, Tables } from '@whathead/db';
import { sql, type Selectable } from 'kysely';
import type { PublishChanges } from './publish-changes.js';

type PublishRow = Selectable<Tables['publishes']>;
export type PublishItemRow = Selectable<Tables['publish_items']>;

export interface NewPublishItem {
  nodeKey: string;
  level: 'campaign' | 'adgroup' | 'ad';
  name: string;
  advertiserId: string;
  parentKey: string | null;
  action: 'create' | 'update' | 'skip';
  changes: unknown[];
  node: unknown;
  /** TikTok's `request_id` for a campaign or ad group create, chosen before anything is sent. */
  requestId: string | null;
}

export interface PublishWithPeople extends PublishRow {
  draft_name: string;
  /** Counted in the database (bigint: text from `pg`). */
  creates: string;
  updates: string;
  skips: string;
  requested_by_name: string | null;
  reviewed_by_name: string | null;
}

/** The states in which a publish still has work (or a person) to wait for. */
export const unfinishedPublishStates: readonly PublishState[] = [
  'awaiting_approval',
  'queued',
  'running',
  'blocked',
];

/**
 * Publishes and their journal (migration 0019). Every write that moves an item names the state it
 * moves from, so a process that lost its lease cannot overwrite what the new holder recorded.
 */
export class PublishesRepository {
  readonly #db: Kysely<Tables>;

  readonly #changes: PublishChanges | undefined;

  /** `changes`: every write to a publish or its items is announced through it. */
  constructor(database: Database, changes?: PublishChanges) {
    this.#db = database.db;
    this.#changes = changes;
  }

  #changed(publishId: string): void {
    this.#changes?.announce(publishId);
  }

  async create(
    publish: {
      workspaceId: string;
      draftId: string;
      draftVersion: number;
      state: PublishState;
      requestedBy: string;
      guardrailBreaches: string[];
    },
    items: readonly NewPublishItem[],
  ): Promise<string | 'conflict'> {
    return this.#db.transaction().execute(async (db) => {
      // The draft's version goes up with the publish, in one transaction: a save racing the
      // click names the old version and fails; a save that got in first makes this one fail.
      const claimed = await db
        .updateTable('drafts')
        .set((update) => ({ version: sql<number>`${update.ref('version')} + 1` }))
        .where('id', '=', publish.draftId)
        .where('workspace_id', '=', publish.workspaceId)
        .where('version', '=', publish.draftVersion)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return 'conflict' as const;
      return this.#insert(db, publish, items);
    });
  }

  async #insert(
    db: Kysely<Tables>,
    publish: {
      workspaceId: string;
      draftId: string;
      draftVersion: number;
      state: PublishState;
      requestedBy: string;
      guardrailBreaches: string[];
    },
    items: readonly NewPublishItem[],
  ): Promise<string> {
    const { id } = await db
      .insertInto('publishes')
      .values({
        workspace_id: publish.workspaceId,
        draft_id: publish.draftId,
        draft_version: publish.draftVersion,
        state: publish.state,
        requested_by: publish.requestedBy,
        guardrail_breaches: JSON.stringify(publish.guardrailBreaches),
        finished_at: publish.state === 'succeeded' ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Chunks keep each statement's parameter count far below PostgreSQL's 65,535.
    for (let start = 0; start < items.length; start += 500) {
      await db
        .insertInto('publish_items')
        .values(
          items.slice(start, start + 500).map((item) => ({
            publish_id: id,
            workspace_id: publish.workspaceId,
            node_key: item.nodeKey,
            level: item.level,
            name: item.name,
            advertiser_id: item.advertiserId,
            parent_key: item.parentKey,
            action: item.action,
            changes: JSON.stringify(item.changes),
            node: JSON.stringify(item.node),
            state: item.action === 'skip' ? ('skipped' as const) : ('pending' as const),
            request_id: item.requestId,
            intent_at: item.requestId ? new Date() : null,
            sent_at: null,
            confirmed_at: null,
            tiktok_id: null,
            error: null,
            error_field: null,
          })),
        )
        .execute();
    }
    return id;
  }

  async find(workspaceId: string, publishId: string): Promise<PublishWithPeople | undefined> {
    return this.#withPeople()
      .where('publish.workspace_id', '=', workspaceId)
      .where('publish.id', '=', publishId)
      .executeTakeFirst();
  }

  /** For the job, which knows only the publish's id. */
  async findById(publishId: string): Promise<PublishRow | undefined> {
    return this.#db.selectFrom('publishes').selectAll().where('id', '=', publishId).executeTakeFirst();
  }

  async list(workspaceId: string, limit: number): Promise<PublishWithPeople[]> {
    return this.#withPeople()
      .where('publish.workspace_id', '=', workspaceId)
      .orderBy('publish.created_at', 'desc')
      .limit(limit)
      .execute();
  }

  #withPeople() {
    return this.#db
      .selectFrom('publishes as publish')
      .innerJoin('drafts as draft', 'draft.id', 'publish.draft_id')
      .leftJoin('users as requester', 'requester.id', 'publish.requested_by')
      .leftJoin('users as reviewer', 'reviewer.id', 'publish.reviewed_by')
      .selectAll('publish')
      .select([
        'draft.name as draft_name',
        'requester.name as requested_by_name',
        'reviewer.name as reviewed_by_name',
        sql<string>`(select count(*) from publish_items item where item.publish_id = publish.id and item.action = 'create')`.as(
          'creates',
        ),
        sql<string>`(select count(*) from publish_items item where item.publish_id = publish.id and item.action = 'update')`.as(
          'updates',
        ),
        sql<string>`(select count(*) from publish_items item where item.publish_id = publish.id and item.action = 'skip')`.as(
          'skips',
        ),
      ]);
  }

  async unfinishedFor(workspaceId: string, draftId: string): Promise<PublishRow | undefined> {
    return this.#db
      .selectFrom('publishes')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('draft_id', '=', draftId)
      .where('state', 'in', unfinishedPublishStates)
      .executeTakeFirst();
  }

  async items(publishId: string): Promise<PublishItemRow[]> {
    return this.#db
      .selectFrom('publish_items')
      .selectAll()
      .where('publish_id', '=', publishId)
      .orderBy(sql`case level when 'campaign' then 0 when 'adgroup' then 1 else 2 end`)
      .orderBy('node_key')
      .execute();
  }

  /**
   * Takes the publish for this process until `until`, if no other process holds a live lease.
   * Answers false when another process is running it.
   */
  async claim(publishId: string, owner: string, now: Date, until: Date): Promise<boolean> {
    const claimed = await this.#db
      .updateTable('publishes')
      .set({ state: 'running', lease_owner: owner, lease_until: until })
      .where('id', '=', publishId)
      .where('state', 'in', ['queued', 'running'])
      .where((where) =>
        where.or([
          where('lease_until', 'is', null),
          where('lease_until', '<', now),
          where('lease_owner', '=', owner),
        ]),
      )
      .returning('id')
      .executeTakeFirst();
    if (claimed) this.#changed(publishId);
    return claimed !== undefined;
  }

  async renew(publishId: string, owner: string, until: Date): Promise<boolean> {
    const renewed = await this.#db
      .updateTable('publishes')
      .set({ lease_until: until })
      .where('id', '=', publishId)
      .where('lease_owner', '=', owner)
      .where('state', '=', 'running')
      .returning('id')
      .executeTakeFirst();
    return renewed !== undefined;
  }

  /** Publishes whose process stopped: queued or running with no live lease. */
  async stalled(now: Date, queuedBefore: Date): Promise<{ id: string; workspace_id: string }[]> {
    return this.#db
      .selectFrom('publishes')
      .select(['id', 'workspace_id'])
      .where((where) =>
        where.or([
          where.and([where('state', '=', 'running'), where('lease_until', '<', now)]),
          where.and([where('state', '=', 'queued'), where('created_at', '<', queuedBefore)]),
        ]),
      )
      .limit(100)
      .execute();
  }

  async setState(
    publishId: string,
    from: readonly PublishState[],
    change: {
      state: PublishState;
      blockedReason?: string | null;
      finishedAt?: Date | null;
      reviewedBy?: string;
      reviewedAt?: Date;
    },
  ): Promise<boolean> {
    const updated = await this.#db
      .updateTable('publishes')
      .set({
        state: change.state,
        ...(change.blockedReason === undefined ? {} : { blocked_reason: change.blockedReason }),
        ...(change.finishedAt === undefined ? {} : { finished_at: change.finishedAt }),
        ...(change.reviewedBy === undefined
          ? {}
          : { reviewed_by: change.reviewedBy, reviewed_at: change.reviewedAt ?? null }),
        ...(change.state === 'running' ? {} : { lease_owner: null, lease_until: null }),
      })
      .where('id', '=', publishId)
      .where('state', 'in', from)
      .returning('id')
      .executeTakeFirst();
    if (updated) this.#changed(publishId);
    return updated !== undefined;
  }

  /** A workspace's blocked publishes go again (after a Reconnect). */
  async unblock(workspaceId: string): Promise<string[]> {
    const rows = await this.#db
      .updateTable('publishes')
      .set({ state: 'queued', blocked_reason: null })
      .where('workspace_id', '=', workspaceId)
      .where('state', '=', 'blocked')
      .returning('id')
      .execute();
    for (const row of rows) this.#changed(row.id);
    return rows.map((row) => row.id);
  }

  async markSending(publishId: string, keys: readonly string[], now: Date): Promise<void> {
    if (keys.length === 0) return;
    await this.#db
      .updateTable('publish_items')
      .set((set) => ({ state: 'sending', sent_at: now, attempts: set('attempts', '+', 1) }))
      .where('publish_id', '=', publishId)
      .where('node_key', 'in', keys)
      .where('state', 'in', ['pending', 'sending'])
      .execute();
    this.#changed(publishId);
  }

  /**
   * What TikTok last had as the budget of these campaigns and ad groups, as far as Whathead knows
   * it: the newer of the campaign mirror's copy and the last publish that confirmed one.
   */
  async knownBudgets(workspaceId: string, tiktokIds: readonly string[]): Promise<Map<string, number>> {
    const known = new Map<string, number>();
    if (tiktokIds.length === 0) return known;
    const { rows } = await sql<{ id: string; budget: string | number | null; seen: Date }>`
      select distinct on (id) id, budget, seen from (
        select entity_id as id, budget::float8 as budget, synced_at as seen
        from tiktok_entities
        where workspace_id = ${workspaceId}::uuid and level in ('campaign', 'adgroup')
          and entity_id = any(${[...tiktokIds]}::text[])
        union all
        select tiktok_id, (node -> 'settings' ->> 'budget')::float8, confirmed_at
        from publish_items
        where workspace_id = ${workspaceId}::uuid and state = 'confirmed'
          and tiktok_id = any(${[...tiktokIds]}::text[])
      ) seen
      order by id, seen desc
    `.execute(this.#db);
    for (const row of rows) if (row.budget !== null) known.set(row.id, Number(row.budget));
    return known;
  }

  /** The node as sent, when the run changed it (a creative copied into the account). */
  async replaceNode(publishId: string, key: string, node: unknown): Promise<void> {
    await this.#db
      .updateTable('publish_items')
      .set({ node: JSON.stringify(node) })
      .where('publish_id', '=', publishId)
      .where('node_key', '=', key)
      .execute();
  }

  async confirm(publishId: string, key: string, tiktokId: string | null, now: Date): Promise<void> {
    await this.#db
      .updateTable('publish_items')
      .set({ state: 'confirmed', tiktok_id: tiktokId, confirmed_at: now, error: null, error_field: null })
      .where('publish_id', '=', publishId)
      .where('node_key', '=', key)
      .where('state', 'in', ['pending', 'sending'])
      .execute();
    this.#changed(publishId);
  }

  async fail(
    publishId: string,
    keys: readonly string[],
    state: Extract<PublishItemState, 'failed' | 'waiting' | 'pending'>,
    error: string | null,
    errorField: string | null,
  ): Promise<void> {
    if (keys.length === 0) return;
    await this.#db
      .updateTable('publish_items')
      .set({ state, error, error_field: errorField })
      .where('publish_id', '=', publishId)
      .where('node_key', 'in', keys)
      .where('state', 'in', ['pending', 'sending'])
      .execute();
    this.#changed(publishId);
  }

  /**
   * Ends a publish: what TikTok confirmed is written back into the draft (each node's TikTok id,
   * and its settings as sent as what TikTok now has), the draft's version goes up, and the
   * publish takes its final state, all in one transaction. Items are matched by node key, so a
   * draft saved meanwhile keeps its other changes.
   */
  async finish(
    publish: { id: string; workspaceId: string; draftId: string },
    state: 'succeeded' | 'failed',
    confirmed: readonly { key: string; tiktokId: string; settings: unknown }[],
    now: Date,
  ): Promise<boolean> {
    const finished = await this.#db.transaction().execute(async (transaction) => {
      const draft = await transaction
        .selectFrom('drafts')
        .select(['document', 'version'])
        .where('id', '=', publish.draftId)
        .where('workspace_id', '=', publish.workspaceId)
        .forUpdate()
        .executeTakeFirst();
      const ended = await transaction
        .updateTable('publishes')
        .set({ state, finished_at: now, lease_owner: null, lease_until: null })
        .where('id', '=', publish.id)
        .where('state', '=', 'running')
        .returning('id')
        .executeTakeFirst();
      if (!ended) return false;
      if (!draft || confirmed.length === 0) return true;
      const byKey = new Map(confirmed.map((item) => [item.key, item]));
      const document = draft.document as {
        nodes: { key: string; tiktokId: string | null; published: unknown }[];
      };
      const nodes = document.nodes.map((node) => {
        const done = byKey.get(node.key);
        // The draft was read-only meanwhile, so the settings as sent are its own, except where
        // the run changed them (a creative copied into the account): those it takes as well.
        return done
          ? { ...node, tiktokId: done.tiktokId, settings: done.settings, published: done.settings }
          : node;
      });
      await transaction
        .updateTable('drafts')
        .set({
          document: JSON.stringify({ ...document, nodes }),
          version: draft.version + 1,
          updated_at: now,
        })
        .where('id', '=', publish.draftId)
        .execute();
      return true;
    });
    if (finished) this.#changed(publish.id);
    return finished;
  }
}
