import type { Database, Kysely, PublishState, Tables } from '@whathead/db';
import { sql } from '@whathead/db';

/** A publish in one of these states has not finished: its draft is read-only until it does. */
export const unfinishedPublishStates: readonly PublishState[] = [
  'awaiting_approval',
  'queued',
  'running',
  'blocked',
];

/** A draft as the list shows it: without its document. */
export interface DraftSummaryRow {
  id: string;
  name: string;
  version: number;
  campaigns: number;
  items: number;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
  activePublishId: string | null;
}

export interface DraftRow extends DraftSummaryRow {
  /** The saved JSON document, as written by `save` (already checked against the contract). */
  document: unknown;
}

export interface DraftContent {
  name: string;
  /** The document as one JSON text: pg would send a JS array as a PostgreSQL array. */
  documentJson: string;
  campaigns: number;
  items: number;
}

/** Names a draft gets without one: "Draft 1", "Draft 2"… after the highest such name in the workspace. */
const numberedName = /^Draft ([0-9]{1,9})$/;

/**
 * Builder drafts (`drafts`, migration 0019). Every statement takes the workspace: a draft id from
 * another workspace finds nothing.
 */
export class DraftRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  /** The workspace's drafts, most recently edited first. */
  async list(workspaceId: string, limit: number): Promise<DraftSummaryRow[]> {
    const rows = await this.#summaries(workspaceId)
      .orderBy('draft.updated_at', 'desc')
      .orderBy('draft.id')
      .limit(limit)
      .execute();
    return rows.map(summaryOf);
  }

  async find(workspaceId: string, draftId: string): Promise<DraftRow | undefined> {
    const row = await this.#summaries(workspaceId)
      .select('draft.document')
      .where('draft.id', '=', draftId)
      .executeTakeFirst();
    return row && { ...summaryOf(row), document: row.document };
  }

  /** A new draft at version 1; without a name it is numbered after the workspace's last "Draft N". */
  async create(
    workspaceId: string,
    userId: string,
    name: string | undefined,
    documentJson: string,
    now: Date,
  ): Promise<string> {
    const { rows } = await sql<{ id: string }>`
      insert into drafts (workspace_id, name, document, created_by, updated_by, created_at, updated_at)
      select ${workspaceId}::uuid,
        coalesce(${name ?? null}::text, 'Draft ' || (coalesce(max(
          (regexp_match(name, ${numberedName.source}))[1]::int), 0) + 1)),
        ${documentJson}::jsonb, ${userId}::uuid, ${userId}::uuid, ${now}::timestamptz, ${now}::timestamptz
      from drafts where workspace_id = ${workspaceId}::uuid
      returning id
    `.execute(this.#db);
    return rows[0]!.id;
  }

  /**
   * Compare-and-set in one statement: saved only if the draft is still at `expectedVersion` and no
   * publish of it is unfinished. Undefined when it was not saved (`find` then tells why).
   */
  async save(
    workspaceId: string,
    draftId: string,
    expectedVersion: number,
    content: DraftContent,
    userId: string,
    now: Date,
  ): Promise<{ version: number; updatedAt: Date } | undefined> {
    return this.#db
      .updateTable('drafts')
      .set((update) => ({
        name: content.name,
        document: content.documentJson,
        campaigns: content.campaigns,
        items: content.items,
        version: sql<number>`${update.ref('version')} + 1`,
        updated_by: userId,
        updated_at: now,
      }))
      .where('id', '=', draftId)
      .where('workspace_id', '=', workspaceId)
      .where('version', '=', expectedVersion)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('publishes')
              .select(sql`1`.as('found'))
              .whereRef('publishes.draft_id', '=', 'drafts.id')
              .where('publishes.state', 'in', unfinishedPublishStates),
          ),
        ),
      )
      .returning(['version', 'updated_at as updatedAt'])
      .executeTakeFirst();
  }

  /** Deletes the draft unless a publish of it is unfinished; false when nothing was deleted. */
  async delete(workspaceId: string, draftId: string): Promise<boolean> {
    // The draft's row is locked first, then its publishes are looked at in a statement of their
    // own: one started meanwhile (it locks the same row) is seen, so a delete never takes away a
    // publish under way.
    return this.#db.transaction().execute(async (transaction) => {
      const locked = await transaction
        .selectFrom('drafts')
        .select('id')
        .where('id', '=', draftId)
        .where('workspace_id', '=', workspaceId)
        .forUpdate()
        .executeTakeFirst();
      if (!locked) return false;
      const publishing = await transaction
        .selectFrom('publishes')
        .select('id')
        .where('draft_id', '=', draftId)
        .where('state', 'in', unfinishedPublishStates)
        .executeTakeFirst();
      if (publishing) return false;
      await transaction.deleteFrom('drafts').where('id', '=', draftId).execute();
      return true;
    });
  }

  #summaries(workspaceId: string) {
    return this.#db
      .selectFrom('drafts as draft')
      .leftJoin('users as editor', 'editor.id', 'draft.updated_by')
      .select((builder) => [
        'draft.id',
        'draft.name',
        'draft.version',
        'draft.campaigns',
        'draft.items',
        'draft.updated_at',
        'editor.id as editor_id',
        'editor.name as editor_name',
        builder
          .selectFrom('publishes')
          .select('publishes.id')
          .whereRef('publishes.draft_id', '=', 'draft.id')
          .where('publishes.workspace_id', '=', workspaceId)
          .where('publishes.state', 'in', unfinishedPublishStates)
          .limit(1)
          .as('active_publish_id'),
      ])
      .where('draft.workspace_id', '=', workspaceId);
  }
}

function summaryOf(row: {
  id: string;
  name: string;
  version: number;
  campaigns: number;
  items: number;
  updated_at: Date;
  editor_id: string | null;
  editor_name: string | null;
  active_publish_id: string | null;
}): DraftSummaryRow {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    campaigns: row.campaigns,
    items: row.items,
    updatedAt: row.updated_at,
    updatedBy: row.editor_id === null ? null : { id: row.editor_id, name: row.editor_name ?? '' },
    activePublishId: row.active_publish_id,
  };
}
