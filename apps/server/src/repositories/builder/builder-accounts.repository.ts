import type { Database, Kysely, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

/** A selected ad account of the workspace, as the builder checks and publishes against it. */
export interface BuilderAccountRow {
  advertiserId: string;
  name: string;
  currency: string | null;
  connectionId: string;
  /** Accessible, on a live connection: TikTok can be asked about it now. */
  usable: boolean;
  /** Its connection needs attention: usable again after Reconnect. */
  waitingForReconnect: boolean;
}

/** The workspace's selected ad accounts, for the builder (`tiktok_ad_accounts`). */
export class BuilderAccountsRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * Each selected account once, however many Business Centers reach it: through a live
   * connection where there is one. Accounts of a disconnected connection are not listed.
   */
  async selected(workspaceId: string): Promise<BuilderAccountRow[]> {
    const { rows } = await sql<BuilderAccountRow>`
      select * from (
        select distinct on (account.advertiser_id) account.advertiser_id as "advertiserId",
          account.name, account.currency, account.connection_id as "connectionId",
          (account.accessible and connection.status = 'connected') as usable,
          (connection.status = 'needs_attention') as "waitingForReconnect",
          account.is_default
        from tiktok_ad_accounts account
        join tiktok_connections connection
          on connection.id = account.connection_id and connection.workspace_id = account.workspace_id
        where account.workspace_id = ${workspaceId}::uuid and account.selected
          and connection.status <> 'disconnected'
        order by account.advertiser_id,
          (account.accessible and connection.status = 'connected') desc, account.is_default desc
      ) known
      order by known.is_default desc, known.name, known."advertiserId"
    `.execute(this.#db);
    return rows.map(({ advertiserId, name, currency, connectionId, usable, waitingForReconnect }) => ({
      advertiserId,
      name,
      currency,
      connectionId,
      usable,
      waitingForReconnect,
    }));
  }
}
