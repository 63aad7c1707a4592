import type { Database, Kysely, MediaUploadState, Tables } from '@whathead/db';

/**
 * What a publish needs to copy a creative into another ad account: the original Whathead keeps
 * for a library item (matched by TikTok's MD5 signature), and how its upload to the target went.
 */
export class CreativeFilesRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The original behind an account's library item, when it was uploaded through Whathead. */
  async originalOf(
    workspaceId: string,
    advertiserId: string,
    mediaId: string,
  ): Promise<{ sha256: string; fileName: string } | undefined> {
    return this.#db
      .selectFrom('tiktok_media as media')
      .innerJoin('media_files as file', (join) =>
        join.onRef('file.workspace_id', '=', 'media.workspace_id').onRef('file.md5', '=', 'media.signature'),
      )
      .select(['file.sha256 as sha256', 'file.file_name as fileName'])
      .where('media.workspace_id', '=', workspaceId)
      .where('media.advertiser_id', '=', advertiserId)
      .where('media.media_id', '=', mediaId)
      .executeTakeFirst();
  }

  /** The newest upload of these bytes to the account. */
  async latestUpload(
    workspaceId: string,
    advertiserId: string,
    sha256: string,
  ): Promise<{ state: MediaUploadState; mediaId: string | null; error: string | null } | undefined> {
    const row = await this.#db
      .selectFrom('media_uploads')
      .select(['state', 'media_id', 'error_message'])
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('sha256', '=', sha256)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && { state: row.state, mediaId: row.media_id, error: row.error_message };
  }
}
