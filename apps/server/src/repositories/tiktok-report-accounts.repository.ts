import type { Database, Kysely, Tables, TikTokReportAccountRow } from '@whathead/db';
import { sql } from '@whathead/db';
import type { ReportAccountState } from '@whathead/contracts';

/** Where an account's report sync stands (`tiktok_report_accounts`, migration 0015). */
export type ReportAccountRow = Omit<TikTokReportAccountRow, 'workspace_id' | 'last_attempt_at'>;

/** An account the workspace uses, as Integrations knows it, with its report sync's state. */
export interface ReportAccountListing extends Partial<ReportAccountRow> {
  advertiser_id: string;
  name: string;
  account_currency: string | null;
  account_time_zone: string | null;
  is_default: boolean;
  /** The connection the account is read through (a live one where there are several). */
  connection_id: string | null;
  /** Selected on a live connection: the account syncs. */
  syncing: boolean;
  /**
   * Why it does not sync: its connection's attention cause (`tiktok_connections`), or
   * `account_inaccessible`, or `not_selected` (only stored reports list it); null while it syncs.
   */
  stop_cause: string | null;
  /** The scope its connection was granted (for a missing permission, which one). */
  granted_scope_ids: string[] | null;
  /** Its connection's Business Center, as Integrations names it. */
  business_center_name: string | null;
  /** When its last sync started (`last_synced_at` is when the last one to succeed ended). */
  last_attempt_at?: Date | null;
}

export interface ReportSettingsRow {
  restatement_days: number;
  hourly_retention_days: number;
}

export const defaultReportSettings: ReportSettingsRow = { restatement_days: 7, hourly_retention_days: 30 };

/**
 * A connection whose token reads reports: a connected one, or one whose only warning is that its
 * user can view but not change its accounts (`permission_denied`, the Analyst role). TikTok lets
 * an analyst read reports (correction 16: only writes are refused), and Integrations lets such an
 * account be selected for reporting.
 */
const readsReports = sql`(connection.status = 'connected' or connection.attention_cause = 'permission_denied')`;

/**
 * The workspace's selected accounts (once each, however many Business Centers reach them) and
 * any account with stored reports, with the zone and currency Integrations last read.
 */
const listingsOf = (workspaceId: string) => sql`
  with chosen as (
    select distinct on (account.advertiser_id) account.advertiser_id, account.name,
      account.connection_id,
      account.currency, account.timezone, account.is_default,
      connection.status as connection_status, connection.attention_cause,
      connection.granted_scope_ids, connection.business_center_name,
      ${readsReports} and account.accessible as live
    from tiktok_ad_accounts as account
    join tiktok_connections as connection
      on connection.id = account.connection_id and connection.workspace_id = account.workspace_id
    where account.workspace_id = ${workspaceId}::uuid and account.selected
    order by account.advertiser_id, (${readsReports} and account.accessible) desc,
      (connection.status <> 'disconnected') desc
  )
  select coalesce(chosen.advertiser_id, report.advertiser_id) as advertiser_id,
    coalesce(chosen.name, report.advertiser_id) as name,
    chosen.currency as account_currency, chosen.timezone as account_time_zone,
    coalesce(chosen.is_default, false) as is_default, chosen.connection_id,
    coalesce(chosen.live, false) as syncing,
    case
      when chosen.advertiser_id is null or chosen.connection_status = 'disconnected' then 'not_selected'
      when chosen.live then null
      when chosen.connection_status <> 'connected' and chosen.attention_cause is distinct from 'permission_denied'
        then coalesce(chosen.attention_cause, 'token_revoked')
      else 'account_inaccessible'
    end as stop_cause,
    chosen.granted_scope_ids, chosen.business_center_name,
    report.state, report.time_zone, report.currency, report.backfill_start::text,
    report.stored_from::text, report.stored_through::text, report.hours_from::text, report.last_synced_at,
    report.last_attempt_at, report.error
  from chosen
  full join (select * from tiktok_report_accounts where workspace_id = ${workspaceId}::uuid) as report
    on report.advertiser_id = chosen.advertiser_id
  where chosen.advertiser_id is not null or report.stored_from is not null`;

/** The default account first, then by name. */
const listingOrder = sql`is_default desc, name, advertiser_id`;

/** Every query takes the workspace: nothing here reaches another workspace's rows. */
export class TikTokReportAccountsRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async find(workspaceId: string, advertiserId: string): Promise<ReportAccountRow | undefined> {
    const { rows } = await sql<ReportAccountRow>`
      select advertiser_id, state, time_zone, currency, backfill_start::text, stored_from::text,
        stored_through::text, hours_from::text, last_synced_at, error
      from tiktok_report_accounts
      where workspace_id = ${workspaceId}::uuid and advertiser_id = ${advertiserId}`.execute(this.#db);
    return rows[0];
  }

  /**
   * The workspace's selected accounts (once each, however many Business Centers reach them) and
   * any account with stored reports, with the zone and currency Integrations last read.
   */
  async list(workspaceId: string): Promise<ReportAccountListing[]> {
    const { rows } = await sql<ReportAccountListing>`
      ${listingsOf(workspaceId)} order by ${listingOrder}`.execute(this.#db);
    return rows;
  }

  /** `list` and `settings` in one statement: every dashboard request needs both. */
  async listWithSettings(
    workspaceId: string,
  ): Promise<{ listings: ReportAccountListing[]; settings: ReportSettingsRow }> {
    const { rows } = await sql<
      Partial<ReportAccountListing> & {
        settings_restatement_days: number | null;
        settings_hourly_retention_days: number | null;
      }
    >`
      with listing as (${listingsOf(workspaceId)})
      select settings.restatement_days as settings_restatement_days,
        settings.hourly_retention_days as settings_hourly_retention_days, listing.*
      from (select) as one
      left join tiktok_report_settings as settings on settings.workspace_id = ${workspaceId}::uuid
      left join listing on true
      order by ${listingOrder}`.execute(this.#db);
    const first = rows[0];
    const settings =
      typeof first?.settings_restatement_days === 'number' &&
      typeof first.settings_hourly_retention_days === 'number'
        ? {
            restatement_days: first.settings_restatement_days,
            hourly_retention_days: first.settings_hourly_retention_days,
          }
        : defaultReportSettings;
    const listings = rows
      .filter((row) => typeof row.advertiser_id === 'string')
      .map(
        ({
          settings_restatement_days: _restatement,
          settings_hourly_retention_days: _retention,
          ...listing
        }) => listing as ReportAccountListing,
      );
    return { listings, settings };
  }

  /** Workspaces with an account selected on a live connection: the hourly pass syncs them. */
  async workspacesWithSelectedAccounts(): Promise<string[]> {
    const { rows } = await sql<{ workspace_id: string }>`
      select distinct account.workspace_id
      from tiktok_ad_accounts as account
      join tiktok_connections as connection
        on connection.id = account.connection_id and connection.workspace_id = account.workspace_id
      where account.selected and account.accessible and ${readsReports}`.execute(this.#db);
    return rows.map((row) => row.workspace_id);
  }

  /** Queued, unless a sync is already under way (it will see the newest days anyway). */
  async markQueued(workspaceId: string, advertiserIds: readonly string[]): Promise<void> {
    if (advertiserIds.length === 0) return;
    await sql`
      insert into tiktok_report_accounts (workspace_id, advertiser_id, state)
      select ${workspaceId}::uuid, id, 'queued' from unnest(${[...advertiserIds]}::text[]) as id
      on conflict (workspace_id, advertiser_id) do update set
        state = case when tiktok_report_accounts.state = 'syncing' then 'syncing' else 'queued' end`.execute(
      this.#db,
    );
  }

  async update(
    workspaceId: string,
    advertiserId: string,
    change: Partial<{
      state: ReportAccountState;
      timeZone: string | null;
      currency: string | null;
      backfillStart: string | null;
      storedFrom: string | null;
      storedThrough: string | null;
      hoursFrom: string | null;
      lastSyncedAt: Date;
      lastAttemptAt: Date;
      error: string | null;
    }>,
  ): Promise<void> {
    const columns: Record<string, unknown> = {
      state: change.state,
      time_zone: change.timeZone,
      currency: change.currency,
      backfill_start: change.backfillStart,
      stored_from: change.storedFrom,
      stored_through: change.storedThrough,
      hours_from: change.hoursFrom,
      last_synced_at: change.lastSyncedAt,
      last_attempt_at: change.lastAttemptAt,
      error: change.error,
    };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    if (set.length === 0) return;
    await this.#db
      .insertInto('tiktok_report_accounts')
      .values({ workspace_id: workspaceId, advertiser_id: advertiserId, ...Object.fromEntries(set) })
      .onConflict((conflict) =>
        conflict.columns(['workspace_id', 'advertiser_id']).doUpdateSet(Object.fromEntries(set)),
      )
      .execute();
  }

  async settings(workspaceId: string): Promise<ReportSettingsRow> {
    const row = await this.#db
      .selectFrom('tiktok_report_settings')
      .select(['restatement_days', 'hourly_retention_days'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row ?? defaultReportSettings;
  }

  async saveSettings(workspaceId: string, settings: ReportSettingsRow): Promise<void> {
    await this.#db
      .insertInto('tiktok_report_settings')
      .values({ workspace_id: workspaceId, ...settings })
      .onConflict((conflict) =>
        conflict.column('workspace_id').doUpdateSet({ ...settings, updated_at: sql`now()` }),
      )
      .execute();
  }
}
