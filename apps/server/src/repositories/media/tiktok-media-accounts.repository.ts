import type { Database, Kysely, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

export type MediaAccountState = 'queued' | 'importing' | 'ready' | 'failed' | 'stopped';

/** An ad account whose library the workspace may browse, with where its mirror stands. */
export interface MediaAccountRow {
  advertiser_id: string;
  name: string | null;
  is_default: boolean;
  connection_id: string;
  /** Selected, accessible and its connection live: its library syncs and takes uploads. */
  usable: boolean;
  /** Selected, but its connection needs attention: usable again after Reconnect. */
  waiting_for_reconnect: boolean;
  state: MediaAccountState | null;
  images: number | null;
  videos: number | null;
  last_synced_at: Date | null;
  error: string | null;
}

/** Where each ad account's library mirror stands (`tiktok_media_accounts`, migration 0018). */
export class TikTokMediaAccountsRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * The workspace's selected ad accounts (once each, however many Business Centers reach them),
   * the default first, then by name. An account reached through a live connection is listed by it.
   */
  async list(workspaceId: string): Promise<MediaAccountRow[]> {
    const { rows } = await sql<MediaAccountRow>`
      with known as (
        select distinct on (account.advertiser_id) account.advertiser_id, account.name,
          account.is_default, account.connection_id,
          (account.accessible and connection.status = 'connected') as usable,
          (connection.status = 'needs_attention') as waiting_for_reconnect
        from tiktok_ad_accounts account
        join tiktok_connections connection
          on connection.id = account.connection_id and connection.workspace_id = account.workspace_id
        where account.workspace_id = ${workspaceId}::uuid and account.selected
          and connection.status <> 'disconnected'
        order by account.advertiser_id,
          (account.accessible and connection.status = 'connected') desc, account.is_default desc
      )
      -- Counted from the mirror, which uploads add to between reads of the whole library.
      select known.*, library.state,
        (select count(*)::int from tiktok_media item where item.workspace_id = ${workspaceId}::uuid
          and item.advertiser_id = known.advertiser_id and item.kind = 'image') as images,
        (select count(*)::int from tiktok_media item where item.workspace_id = ${workspaceId}::uuid
          and item.advertiser_id = known.advertiser_id and item.kind = 'video') as videos,
        library.last_synced_at,
        library.error
      from known
      left join tiktok_media_accounts library
        on library.workspace_id = ${workspaceId}::uuid and library.advertiser_id = known.advertiser_id
      order by known.is_default desc, known.name, known.advertiser_id
    `.execute(this.#db);
    return rows;
  }

  /** The accounts whose libraries sync: of one workspace, or of every workspace (the sweep). */
  async usable(workspaceId?: string): Promise<{ workspaceId: string; advertiserId: string }[]> {
    let query = this.#db
      .selectFrom('tiktok_ad_accounts as account')
      .innerJoin('tiktok_connections as connection', (join) =>
        join
          .onRef('connection.id', '=', 'account.connection_id')
          .onRef('connection.workspace_id', '=', 'account.workspace_id'),
      )
      .select(['account.workspace_id as workspaceId', 'account.advertiser_id as advertiserId'])
      .distinct()
      .where('account.selected', '=', true)
      .where('account.accessible', '=', true)
      .where('connection.status', '=', 'connected')
      .orderBy('account.workspace_id')
      .orderBy('account.advertiser_id');
    if (workspaceId !== undefined) query = query.where('account.workspace_id', '=', workspaceId);
    return query.execute();
  }

  async markQueued(workspaceId: string, advertiserIds: readonly string[]): Promise<void> {
    if (advertiserIds.length === 0) return;
    await this.#db
      .insertInto('tiktok_media_accounts')
      .values(
        advertiserIds.map((advertiserId) => ({ workspace_id: workspaceId, advertiser_id: advertiserId })),
      )
      .onConflict((conflict) =>
        conflict
          .columns(['workspace_id', 'advertiser_id'])
          // An account mid-import stays "importing": its queued run follows.
          .doUpdateSet({
            state: sql`case when tiktok_media_accounts.state = 'importing' then 'importing' else 'queued' end`,
          }),
      )
      .execute();
  }

  async setState(
    workspaceId: string,
    advertiserId: string,
    change: {
      state: MediaAccountState;
      now: Date;
      error?: string | null;
      counts?: { images: number; videos: number };
      /** The pass read the whole library: stamps when. */
      finished?: boolean;
    },
  ): Promise<void> {
    const values = {
      state: change.state,
      last_attempt_at: change.now,
      ...(change.error === undefined ? {} : { error: change.error }),
      ...(change.counts ?? {}),
      ...(change.finished ? { last_synced_at: change.now } : {}),
    };
    await this.#db
      .insertInto('tiktok_media_accounts')
      .values({ workspace_id: workspaceId, advertiser_id: advertiserId, ...values })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'advertiser_id']).doUpdateSet(values))
      .execute();
  }

  /** How many images and videos the mirror holds for the account. */
  async counts(workspaceId: string, advertiserId: string): Promise<{ images: number; videos: number }> {
    const row = await this.#db
      .selectFrom('tiktok_media')
      .select([
        sql<number>`count(*) filter (where kind = 'image')::int`.as('images'),
        sql<number>`count(*) filter (where kind = 'video')::int`.as('videos'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .executeTakeFirstOrThrow();
    return row;
  }
}
