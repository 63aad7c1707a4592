import type { Database, Kysely, MediaKind, Tables, TikTokMediaRow } from '@whathead/db';
import { sql } from '@whathead/db';

/** One image or video of an ad account's library, as the mirror writes it (ids as text). */
export interface LibraryItem {
  kind: MediaKind;
  mediaId: string;
  materialId: string | null;
  fileName: string | null;
  /** The file's MD5, lower-case hex. */
  signature: string | null;
  format: string | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  durationSeconds: number | null;
  url: string | null;
  coverUrl: string | null;
  urlExpiresAt: Date | null;
  displayable: boolean | null;
  tiktokCreatedAt: Date | null;
}

/** What the library view filters on; every field optional. */
export interface LibraryFilter {
  kind?: MediaKind | undefined;
  /** Width ÷ height, matched within `ratioTolerance` as TikTok's search matches it. */
  ratio?: number | undefined;
  /** Part of the file name, any case. */
  name?: string | undefined;
  createdFrom?: Date | undefined;
  createdBefore?: Date | undefined;
}

/** Where the previous page ended: its last item's place in the newest-first order. */
export interface LibraryPosition {
  createdAt: Date | null;
  mediaId: string;
  kind: MediaKind;
}

const ratioTolerance = 0.05;

/**
 * The mirror of TikTok's creative libraries (migration 0018). Every statement takes the
 * workspace, and the account where it reads or writes one.
 */
export class TikTokMediaRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** A page of items as TikTok listed them, inserted or brought up to date, stamped `now`. */
  async upsert(workspaceId: string, advertiserId: string, items: readonly LibraryItem[], now: Date) {
    if (items.length === 0) return;
    await sql`
      insert into tiktok_media (
        workspace_id, advertiser_id, kind, media_id, material_id, file_name, signature, format,
        width, height, bytes, duration_seconds, url, cover_url, url_expires_at, displayable,
        tiktok_created_at, synced_at)
      select ${workspaceId}::uuid, ${advertiserId}, item.kind, item.media_id, item.material_id,
        item.file_name, lower(item.signature), item.format, item.width, item.height, item.bytes,
        item.duration_seconds, item.url, item.cover_url, item.url_expires_at, item.displayable,
        item.tiktok_created_at, ${now}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(items.map(rowOf))}::jsonb) as item(
        kind text, media_id text, material_id text, file_name text, signature text, format text,
        width integer, height integer, bytes bigint, duration_seconds double precision, url text,
        cover_url text, url_expires_at timestamptz, displayable boolean, tiktok_created_at timestamptz)
      on conflict (workspace_id, advertiser_id, kind, media_id) do update set
        material_id = excluded.material_id, file_name = excluded.file_name,
        signature = excluded.signature, format = excluded.format, width = excluded.width,
        height = excluded.height, bytes = excluded.bytes,
        duration_seconds = excluded.duration_seconds, url = excluded.url,
        cover_url = excluded.cover_url, url_expires_at = excluded.url_expires_at,
        displayable = excluded.displayable, tiktok_created_at = excluded.tiktok_created_at,
        synced_at = excluded.synced_at`.execute(this.#db);
  }

  /**
   * After a kind was listed in full: its items not listed this time (stamped before `listedFrom`)
   * are gone from TikTok's library, and go here too. Answers how many went.
   */
  async removeUnlisted(
    workspaceId: string,
    advertiserId: string,
    kind: MediaKind,
    listedFrom: Date,
  ): Promise<number> {
    const result = await this.#db
      .deleteFrom('tiktok_media')
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('kind', '=', kind)
      .where('synced_at', '<', listedFrom)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The account's items, newest first, as the filter narrows them. */
  async list(
    workspaceId: string,
    advertiserId: string,
    filter: LibraryFilter,
    limit: number,
    after?: LibraryPosition,
  ): Promise<LibraryItem[]> {
    let query = this.#db
      .selectFrom('tiktok_media')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.ratio !== undefined)
      query = query.where(
        sql<boolean>`height > 0 and abs(width::float8 / height - ${filter.ratio}) <= ${ratioTolerance}`,
      );
    if (filter.name) query = query.where(sql<boolean>`strpos(lower(file_name), lower(${filter.name})) > 0`);
    if (filter.createdFrom) query = query.where('tiktok_created_at', '>=', filter.createdFrom);
    if (filter.createdBefore) query = query.where('tiktok_created_at', '<', filter.createdBefore);
    if (after) query = query.where(afterPosition(after));
    const rows = await query
      .orderBy(sql`tiktok_created_at desc nulls last`)
      .orderBy('media_id')
      .orderBy('kind')
      .limit(limit)
      .execute();
    return rows.map(itemOf);
  }

  /** The account's items holding any of `signatures` (MD5s): bytes it has already. */
  async findBySignatures(
    workspaceId: string,
    advertiserId: string,
    signatures: readonly string[],
  ): Promise<LibraryItem[]> {
    if (signatures.length === 0) return [];
    const rows = await this.#db
      .selectFrom('tiktok_media')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where(
        'signature',
        'in',
        signatures.map((signature) => signature.toLowerCase()),
      )
      .execute();
    return rows.map(itemOf);
  }
}

/** Items after `position` in the order newest first (undated last), then media id, then kind. */
function afterPosition(position: LibraryPosition) {
  const tie = sql<boolean>`(media_id, kind) > (${position.mediaId}, ${position.kind})`;
  if (position.createdAt === null) return sql<boolean>`tiktok_created_at is null and ${tie}`;
  return sql<boolean>`(tiktok_created_at < ${position.createdAt} or tiktok_created_at is null
    or (tiktok_created_at = ${position.createdAt} and ${tie}))`;
}

const rowOf = (item: LibraryItem) => ({
  kind: item.kind,
  media_id: item.mediaId,
  material_id: item.materialId,
  file_name: item.fileName,
  signature: item.signature,
  format: item.format,
  width: item.width,
  height: item.height,
  bytes: item.bytes,
  duration_seconds: item.durationSeconds,
  url: item.url,
  cover_url: item.coverUrl,
  url_expires_at: item.urlExpiresAt?.toISOString() ?? null,
  displayable: item.displayable,
  tiktok_created_at: item.tiktokCreatedAt?.toISOString() ?? null,
});

function itemOf(row: TikTokMediaRow): LibraryItem {
  return {
    kind: row.kind,
    mediaId: row.media_id,
    materialId: row.material_id,
    fileName: row.file_name,
    signature: row.signature,
    format: row.format,
    width: row.width,
    height: row.height,
    bytes: row.bytes === null ? null : Number(row.bytes),
    durationSeconds: row.duration_seconds,
    url: row.url,
    coverUrl: row.cover_url,
    urlExpiresAt: row.url_expires_at,
    displayable: row.displayable,
    tiktokCreatedAt: row.tiktok_created_at,
  };
}
