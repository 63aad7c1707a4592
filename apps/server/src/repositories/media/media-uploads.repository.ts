import type {
  Database,
  Kysely,
  MediaFileRow,
  MediaKind,
  MediaUploadRow,
  MediaUploadState,
  Tables,
} from '@whathead/db';
import { sql } from '@whathead/db';

export type { MediaFileRow, MediaUploadRow };

/** An upload with what the job needs of its original. */
export type UploadWithFile = MediaUploadRow & Pick<MediaFileRow, 'md5' | 'kind' | 'format' | 'bytes'>;

export interface NewMediaFile {
  sha256: string;
  md5: string;
  kind: MediaKind;
  format: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  fileName: string;
}

/** How an upload ended, or where it stands. */
export interface UploadChange {
  state: MediaUploadState;
  mediaId?: string | null;
  reused?: boolean;
  bytesSent?: number;
  error?: { code: string; message: string } | null;
}

/** Uploads still moving: what a restart must pick up. */
const unfinishedStates = ['queued', 'uploading', 'processing'] as const;

/**
 * Our originals (`media_files`) and each upload of one to one ad account (`media_uploads`,
 * migration 0018). Every statement takes the workspace.
 */
export class MediaUploadsRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** Records an original checked now; the same bytes checked again only renew its use. */
  async saveFile(workspaceId: string, file: NewMediaFile, now: Date): Promise<void> {
    await this.#db
      .insertInto('media_files')
      .values({
        workspace_id: workspaceId,
        sha256: file.sha256,
        md5: file.md5,
        kind: file.kind,
        format: file.format,
        bytes: file.bytes,
        width: file.width,
        height: file.height,
        duration_seconds: file.durationSeconds,
        file_name: file.fileName,
        created_at: now,
        last_used_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['workspace_id', 'sha256']).doUpdateSet({ last_used_at: now }),
      )
      .execute();
  }

  async findFiles(workspaceId: string, sha256s: readonly string[]): Promise<MediaFileRow[]> {
    if (sha256s.length === 0) return [];
    return this.#db
      .selectFrom('media_files')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('sha256', 'in', sha256s)
      .execute();
  }

  /** A confirmed batch: one upload per file per account, all queued. */
  async createUploads(
    rows: readonly {
      id: string;
      workspaceId: string;
      batchId: string;
      sha256: string;
      advertiserId: string;
      fileName: string;
      createdBy: string;
    }[],
    now: Date,
  ): Promise<void> {
    await this.#db
      .insertInto('media_uploads')
      .values(
        rows.map((row) => ({
          id: row.id,
          workspace_id: row.workspaceId,
          batch_id: row.batchId,
          sha256: row.sha256,
          advertiser_id: row.advertiserId,
          file_name: row.fileName,
          created_by: row.createdBy,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }

  /** A batch's uploads with each original's size and the name of who confirmed it, in order. */
  async batch(workspaceId: string, batchIds: readonly string[]) {
    if (batchIds.length === 0) return [];
    return this.#db
      .selectFrom('media_uploads as upload')
      .innerJoin('media_files as file', (join) =>
        join
          .onRef('file.workspace_id', '=', 'upload.workspace_id')
          .onRef('file.sha256', '=', 'upload.sha256'),
      )
      .leftJoin('users as creator', 'creator.id', 'upload.created_by')
      .selectAll('upload')
      .select(['file.bytes as file_bytes', 'creator.name as creator_name'])
      .where('upload.workspace_id', '=', workspaceId)
      .where('upload.batch_id', 'in', batchIds)
      .orderBy('upload.created_at', 'desc')
      .orderBy('upload.batch_id')
      .orderBy('upload.file_name')
      .orderBy('upload.advertiser_id')
      .execute();
  }

  /** The workspace's latest `count` batches, and every batch with an upload still moving. */
  async latestBatchIds(workspaceId: string, count: number): Promise<string[]> {
    const { rows } = await sql<{ batch_id: string }>`
      select batch_id from (
        select batch_id, max(created_at) as created_at,
          bool_or(state in ('queued', 'uploading', 'processing')) as moving
        from media_uploads where workspace_id = ${workspaceId}::uuid
        group by batch_id
      ) batches
      order by moving desc, created_at desc
      limit greatest(${count}, (select count(distinct batch_id) from media_uploads
        where workspace_id = ${workspaceId}::uuid and state in ('queued', 'uploading', 'processing')))
    `.execute(this.#db);
    return rows.map((row) => row.batch_id);
  }

  async find(workspaceId: string, uploadId: string): Promise<UploadWithFile | undefined> {
    return this.#db
      .selectFrom('media_uploads as upload')
      .innerJoin('media_files as file', (join) =>
        join
          .onRef('file.workspace_id', '=', 'upload.workspace_id')
          .onRef('file.sha256', '=', 'upload.sha256'),
      )
      .selectAll('upload')
      .select(['file.md5', 'file.kind', 'file.format', 'file.bytes'])
      .where('upload.workspace_id', '=', workspaceId)
      .where('upload.id', '=', uploadId)
      .executeTakeFirst();
  }

  /**
   * Takes a queued upload for this run; answers `taken` when another run has it or it ended. A
   * second upload of the same bytes to the same account waits while one is on its way (`busy`).
   */
  async claim(workspaceId: string, uploadId: string, now: Date): Promise<'claimed' | 'busy' | 'taken'> {
    return this.#db.transaction().execute(async (transaction) => {
      // Claims of the same original queue up here. One statement alone reads what was committed
      // when it began, so two at once would each miss the other's "uploading" and both upload.
      // (Not FOR UPDATE: that would also hold up new uploads' foreign-key checks of the row.)
      await sql`
        select 1 from media_files file
        join media_uploads upload on upload.workspace_id = file.workspace_id
          and upload.sha256 = file.sha256
        where upload.workspace_id = ${workspaceId}::uuid and upload.id = ${uploadId}::uuid
        for no key update of file
      `.execute(transaction);
      const { rows } = await sql<{ outcome: 'claimed' | 'busy' }>`
        with target as (
          select id, sha256, advertiser_id from media_uploads
          where workspace_id = ${workspaceId}::uuid and id = ${uploadId}::uuid and state = 'queued'
          for update
        ), other as (
          select 1 from media_uploads other, target
          where other.workspace_id = ${workspaceId}::uuid and other.sha256 = target.sha256
            and other.advertiser_id = target.advertiser_id and other.id <> target.id
            and other.state = 'uploading'
        ), claimed as (
          update media_uploads set state = 'uploading', bytes_sent = 0, updated_at = ${now},
            error_code = null, error_message = null
          where id = (select id from target) and not exists (select 1 from other)
          returning 1
        )
        select case when exists (select 1 from claimed) then 'claimed' else 'busy' end as outcome
        from target
      `.execute(transaction);
      return rows[0]?.outcome ?? 'taken';
    });
  }

  async update(workspaceId: string, uploadId: string, change: UploadChange, now: Date): Promise<void> {
    await this.#db
      .updateTable('media_uploads')
      .set({
        state: change.state,
        updated_at: now,
        ...(change.mediaId === undefined ? {} : { media_id: change.mediaId }),
        ...(change.reused === undefined ? {} : { reused: change.reused }),
        ...(change.bytesSent === undefined ? {} : { bytes_sent: change.bytesSent }),
        ...(change.error === undefined
          ? {}
          : { error_code: change.error?.code ?? null, error_message: change.error?.message ?? null }),
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', uploadId)
      .execute();
  }

  /** Bytes sent so far, while the upload runs; also its sign of life for the restart check. */
  async progress(workspaceId: string, uploadId: string, bytesSent: number, now: Date): Promise<void> {
    await this.#db
      .updateTable('media_uploads')
      .set({ bytes_sent: bytesSent, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', uploadId)
      .where('state', '=', 'uploading')
      .execute();
  }

  /** The TikTok id an earlier upload of these bytes to this account got, if one reached TikTok. */
  async earlierUpload(workspaceId: string, advertiserId: string, sha256: string) {
    return this.#db
      .selectFrom('media_uploads')
      .select(['media_id', 'state', 'updated_at'])
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('sha256', '=', sha256)
      .where('media_id', 'is not', null)
      .where('state', 'in', ['processing', 'ready'])
      .orderBy('updated_at', 'desc')
      .executeTakeFirst();
  }

  /** The uploads of an account waiting for TikTok to finish processing their videos. */
  async processing(workspaceId: string, advertiserId: string) {
    return this.#db
      .selectFrom('media_uploads')
      .select(['id', 'media_id', 'created_at', 'updated_at'])
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', advertiserId)
      .where('state', '=', 'processing')
      .execute();
  }

  /** Puts a batch's failed uploads back in the queue; answers them. */
  async requeueFailed(workspaceId: string, batchId: string, now: Date): Promise<string[]> {
    const rows = await this.#db
      .updateTable('media_uploads')
      .set({ state: 'queued', bytes_sent: 0, updated_at: now, error_code: null, error_message: null })
      .where('workspace_id', '=', workspaceId)
      .where('batch_id', '=', batchId)
      .where('state', '=', 'failed')
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /**
   * Uploads a process left mid-way: uploading with no sign of life since `silentSince` (its
   * process died), or queued and untouched since `forgottenSince` (its job ran out of tries).
   * Processing ones are listed by account, for their check to be queued again.
   */
  async unfinished(silentSince: Date, forgottenSince: Date) {
    return this.#db
      .selectFrom('media_uploads')
      .select(['id', 'workspace_id', 'advertiser_id', 'state', 'updated_at'])
      .where('state', 'in', [...unfinishedStates])
      .where((where) =>
        where.or([
          where.and([where('state', '=', 'uploading'), where('updated_at', '<', silentSince)]),
          where.and([where('state', '=', 'queued'), where('updated_at', '<', forgottenSince)]),
          where('state', '=', 'processing'),
        ]),
      )
      .orderBy('updated_at')
      .limit(1000)
      .execute();
  }

  /** An upload left "uploading" by a process that stopped goes back to the queue, if still so. */
  async requeueSilent(workspaceId: string, uploadId: string, silentSince: Date, now: Date): Promise<boolean> {
    const result = await this.#db
      .updateTable('media_uploads')
      .set({ state: 'queued', bytes_sent: 0, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', uploadId)
      .where('state', '=', 'uploading')
      .where('updated_at', '<', silentSince)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async touchFiles(workspaceId: string, sha256s: readonly string[], now: Date): Promise<void> {
    if (sha256s.length === 0) return;
    await this.#db
      .updateTable('media_files')
      .set({ last_used_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('sha256', 'in', sha256s)
      .execute();
  }

  /**
   * Originals unused since `before` and with no upload still moving: removed here with their
   * finished uploads. Answers them, for their bytes to go from disk when no workspace holds them.
   */
  async purgeUnused(before: Date, limit: number): Promise<{ sha256: string; held: boolean }[]> {
    return this.#db.transaction().execute(async (transaction) => {
      const stale = await transaction
        .selectFrom('media_files as file')
        .select(['file.workspace_id', 'file.sha256'])
        .where('file.last_used_at', '<', before)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('media_uploads as upload')
                .select(sql`1`.as('one'))
                .whereRef('upload.workspace_id', '=', 'file.workspace_id')
                .whereRef('upload.sha256', '=', 'file.sha256')
                .where('upload.state', 'in', [...unfinishedStates]),
            ),
          ),
        )
        .limit(limit)
        .forUpdate()
        .execute();
      const purged: { sha256: string; held: boolean }[] = [];
      for (const file of stale) {
        await transaction
          .deleteFrom('media_uploads')
          .where('workspace_id', '=', file.workspace_id)
          .where('sha256', '=', file.sha256)
          .execute();
        await transaction
          .deleteFrom('media_files')
          .where('workspace_id', '=', file.workspace_id)
          .where('sha256', '=', file.sha256)
          .execute();
        const other = await transaction
          .selectFrom('media_files')
          .select('sha256')
          .where('sha256', '=', file.sha256)
          .executeTakeFirst();
        purged.push({ sha256: file.sha256, held: other !== undefined });
      }
      return purged;
    });
  }
}
