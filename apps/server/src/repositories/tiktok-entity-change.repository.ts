import type { Database, EntityLevel, Kysely, Tables } from '@whathead/db';

/** One write Whathead made at TikTok (`tiktok_entity_changes`, migration 0010). */
export interface EntityChange {
  advertiserId: string;
  level: EntityLevel;
  entityId: string;
  actorUserId: string;
  field: 'status' | 'name' | 'budget' | 'bid';
  before: string | null;
  after: string | null;
  tiktokRequestId: string | null;
  occurredAt: Date;
}

/** Which campaign, ad group or ad. */
export interface EntityKey {
  level: EntityLevel;
  advertiserId: string;
  entityId: string;
}

/** A recorded change with who made it, as the row's history shows it. */
export interface RecordedChange extends Omit<EntityChange, 'actorUserId'> {
  id: string;
  actor: { name: string; email: string } | null;
}

/** The audit trail of the Campaigns table's actions; every query takes the workspace. */
export class TikTokEntityChangeRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async record(workspaceId: string, changes: readonly EntityChange[]): Promise<void> {
    if (changes.length === 0) return;
    await this.#db
      .insertInto('tiktok_entity_changes')
      .values(
        changes.map((change) => ({
          workspace_id: workspaceId,
          advertiser_id: change.advertiserId,
          level: change.level,
          entity_id: change.entityId,
          actor_user_id: change.actorUserId,
          field: change.field,
          before: change.before,
          after: change.after,
          tiktok_request_id: change.tiktokRequestId,
          occurred_at: change.occurredAt,
        })),
      )
      .execute();
  }

  /**
   * Claims an entity for one edit until `expiresAt`; false when another edit holds it, from this
   * workspace or another one sharing the ad account. A claim whose time has passed (its process
   * died mid-edit) is taken over.
   */
  async claim(workspaceId: string, entity: EntityKey, now: Date, expiresAt: Date): Promise<boolean> {
    const claimed = await this.#db
      .insertInto('tiktok_entity_edits')
      .values({
        workspace_id: workspaceId,
        advertiser_id: entity.advertiserId,
        level: entity.level,
        entity_id: entity.entityId,
        expires_at: expiresAt,
      })
      // One claim per TikTok object, whichever workspace holds it: workspaces can share an account.
      .onConflict((conflict) =>
        conflict
          .columns(['advertiser_id', 'level', 'entity_id'])
          .doUpdateSet({ workspace_id: workspaceId, expires_at: expiresAt })
          .where('tiktok_entity_edits.expires_at', '<=', now),
      )
      .returning('entity_id')
      .executeTakeFirst();
    return claimed !== undefined;
  }

  async release(workspaceId: string, entity: EntityKey): Promise<void> {
    await this.#db
      .deleteFrom('tiktok_entity_edits')
      .where('workspace_id', '=', workspaceId)
      .where('advertiser_id', '=', entity.advertiserId)
      .where('level', '=', entity.level)
      .where('entity_id', '=', entity.entityId)
      .execute();
  }

  /** One entity's changes, newest first (at most `limit`). */
  async list(workspaceId: string, entity: EntityKey, limit: number): Promise<RecordedChange[]> {
    const rows = await this.#db
      .selectFrom('tiktok_entity_changes as change')
      .leftJoin('users', 'users.id', 'change.actor_user_id')
      .select([
        'change.id',
        'change.advertiser_id',
        'change.level',
        'change.entity_id',
        'change.field',
        'change.before',
        'change.after',
        'change.tiktok_request_id',
        'change.occurred_at',
        'users.name as actor_name',
        'users.email as actor_email',
      ])
      .where('change.workspace_id', '=', workspaceId)
      .where('change.advertiser_id', '=', entity.advertiserId)
      .where('change.level', '=', entity.level)
      .where('change.entity_id', '=', entity.entityId)
      .orderBy('change.occurred_at', 'desc')
      .orderBy('change.sequence', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      advertiserId: row.advertiser_id,
      level: row.level as EntityLevel,
      entityId: row.entity_id,
      field: row.field as EntityChange['field'],
      before: row.before,
      after: row.after,
      tiktokRequestId: row.tiktok_request_id,
      occurredAt: row.occurred_at,
      actor: row.actor_email === null ? null : { name: row.actor_name ?? '', email: row.actor_email },
    }));
  }
}
