import type { Database, EntityLevel, Kysely, MediaKind, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

/** A mirrored campaign, ad group or ad: TikTok's object as last read, and its place. */
export interface MirroredEntity {
  level: EntityLevel;
  entityId: string;
  campaignId: string;
  adGroupId: string | null;
  raw: unknown;
}

/** An image or video of the account's library, with our original's hash where we hold the bytes. */
export interface MirroredMedia {
  kind: MediaKind;
  mediaId: string;
  fileName: string | null;
  width: number | null;
  height: number | null;
  sha256: string | null;
}

const levelOrder = sql<number>`case level when 'campaign' then 0 when 'adgroup' then 1 else 2 end`;

/**
 * What Select existing and Expand read: the campaign mirror (`tiktok_entities`) and the media
 * library (`tiktok_media`, `media_files`) of one ad account. Deleted objects are left out: TikTok
 * lets nothing about them change.
 */
export class BuilderMirrorRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /**
   * The campaigns named, with their ad groups and ads when `children`; and the ad groups named,
   * with their ads. At most `limit` rows, parents first.
   */
  async entities(
    workspaceId: string,
    advertiserId: string,
    wanted: { campaignIds: readonly string[]; adGroupIds: readonly string[]; children: boolean },
    limit: number,
  ): Promise<MirroredEntity[]> {
    const { campaignIds, adGroupIds, children } = wanted;
    if (campaignIds.length === 0 && adGroupIds.length === 0) return [];
    // Ads are found by their campaign (indexed), so an ad group's ads need its campaign's id.
    const adGroupCampaigns =
      adGroupIds.length === 0
        ? []
        : (
            await this.#live(workspaceId, advertiserId)
              .select('campaign_id')
              .where('level', '=', 'adgroup')
              .where('entity_id', 'in', adGroupIds)
              .execute()
          ).map((row) => row.campaign_id);
    const rows = await this.#live(workspaceId, advertiserId)
      .select(['level', 'entity_id', 'campaign_id', 'adgroup_id', 'raw'])
      .where((builder) =>
        builder.or([
          ...(campaignIds.length === 0
            ? []
            : [
                builder.and([builder('level', '=', 'campaign'), builder('entity_id', 'in', campaignIds)]),
                ...(children
                  ? [
                      builder.and([
                        builder('campaign_id', 'in', campaignIds),
                        builder('level', 'in', ['adgroup', 'ad']),
                      ]),
                    ]
                  : []),
              ]),
          ...(adGroupIds.length === 0
            ? []
            : [
                builder.and([builder('level', '=', 'adgroup'), builder('entity_id', 'in', adGroupIds)]),
                ...(adGroupCampaigns.length === 0
                  ? []
                  : [
                      builder.and([
                        builder('campaign_id', 'in', adGroupCampaigns),
                        builder('level', '=', 'ad'),
                        builder('adgroup_id', 'in', adGroupIds),
                      ]),
                    ]),
              ]),
        ]),
      )
      .orderBy(levelOrder)
      .orderBy('created_at')
      .orderBy('entity_id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      level: row.level,
      entityId: row.entity_id,
      campaignId: row.campaign_id,
      adGroupId: row.adgroup_id,
      raw: row.raw,
    }));
  }

  /** The account's library items with these ids, with the SHA-256 of our copy of the same bytes. */
  async media(
    workspaceId: string,
    advertiserId: string,
    mediaIds: readonly string[],
  ): Promise<MirroredMedia[]> {
    if (mediaIds.length === 0) return [];
    const { rows } = await sql<MirroredMedia>`
      select item.kind, item.media_id as "mediaId", item.file_name as "fileName", item.width,
        item.height, original.sha256
      from tiktok_media item
      left join lateral (
        select file.sha256 from media_files file
        where file.workspace_id = item.workspace_id and file.md5 = lower(item.signature)
        order by file.sha256 limit 1
      ) original on true
      where item.workspace_id = ${workspaceId}::uuid and item.advertiser_id = ${advertiserId}
        and item.media_id in (select unnest(${[...mediaIds]}::text[]))
    `.execute(this.#db);
    return rows;
  }

  #live(workspaceId: string, advertiserId: string) {
    return this.#db
      .selectFrom('tiktok_entities')
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('delivery', '!=', 'deleted')
      .where('operation_status', '!=', 'DELETE');
  }
}
