import type { Database, Kysely, Tables } from '@whathead/db';

export interface NewTikTokAuditEvent {
  workspaceId: string;
  connectionId: string | null;
  actorUserId: string | null;
  action: string;
  businessCenterId: string | null;
  businessCenterName: string | null;
  summary: string;
  tiktokRequestId: string | null;
  now: Date;
}

export interface TikTokAuditEntry {
  id: string;
  action: string;
  actorName: string | null;
  businessCenterId: string | null;
  businessCenterName: string | null;
  summary: string;
  tiktokRequestId: string | null;
  occurredAt: Date;
}

export class TikTokAuditRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async add(event: NewTikTokAuditEvent, db: Kysely<Tables> = this.#db): Promise<void> {
    await db
      .insertInto('tiktok_audit_events')
      .values({
        workspace_id: event.workspaceId,
        connection_id: event.connectionId,
        actor_user_id: event.actorUserId,
        action: event.action,
        business_center_id: event.businessCenterId,
        business_center_name: event.businessCenterName,
        summary: event.summary,
        tiktok_request_id: event.tiktokRequestId,
        occurred_at: event.now,
      })
      .execute();
  }

  list(workspaceId: string, limit: number): Promise<TikTokAuditEntry[]> {
    return this.#db
      .selectFrom('tiktok_audit_events')
      .leftJoin('users', 'users.id', 'tiktok_audit_events.actor_user_id')
      .select([
        'tiktok_audit_events.id',
        'tiktok_audit_events.action',
        'users.name as actorName',
        'tiktok_audit_events.business_center_id as businessCenterId',
        'tiktok_audit_events.business_center_name as businessCenterName',
        'tiktok_audit_events.summary',
        'tiktok_audit_events.tiktok_request_id as tiktokRequestId',
        'tiktok_audit_events.occurred_at as occurredAt',
      ])
      .where('tiktok_audit_events.workspace_id', '=', workspaceId)
      .orderBy('tiktok_audit_events.occurred_at', 'desc')
      .orderBy('tiktok_audit_events.sequence', 'desc')
      .limit(limit)
      .execute();
  }
}
