import {
  askedKeys,
  askedPosition,
  coalescedRead,
  compileOnce,
  jsonListOf,
  listsByPosition,
  type Database,
  type InvitationRow,
  type Kysely,
  type Tables,
} from '@whathead/db';

export interface PendingInvitation {
  id: string;
  email: string;
  role: 'admin' | 'member';
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface InvitationWithWorkspace extends InvitationRow {
  workspaceName: string;
  invitedByName: string | null;
}

/**
 * The team page's read, on every load of it: built once (`compileOnce`), shared by loads arriving
 * together (`coalescedRead`), each with the time it was asked at; each workspace's open invitations
 * come as one JSON list.
 */
const listPendingQuery = compileOnce((db: Kysely<Tables>, values: { workspaceIds: string[]; nows: Date[] }) =>
  db
    .selectFrom(askedKeys({ workspace_id: [values.workspaceIds, 'uuid'], now: [values.nows, 'timestamptz'] }))
    .select((asked) => [
      askedPosition,
      jsonListOf(
        asked
          .selectFrom('invitations')
          .leftJoin('users', 'users.id', 'invitations.invited_by')
          .select((builder) => [
            'invitations.id',
            'invitations.email',
            'invitations.role',
            'invitations.created_at as createdAt',
            'invitations.expires_at as expiresAt',
            builder.fn.coalesce('users.name', builder.val('A former member')).as('invitedBy'),
          ])
          .whereRef('invitations.workspace_id', '=', 'asked.workspace_id')
          .where('invitations.accepted_at', 'is', null)
          .where('invitations.revoked_at', 'is', null)
          .whereRef('invitations.expires_at', '>', 'asked.now'),
        ['createdAt desc', 'id'],
      ).as('invitations'),
    ]),
);

export class InvitationRepository {
  readonly #db: Kysely<Tables>;

  readonly #listPending: (asked: { workspaceId: string; now: Date }) => Promise<PendingInvitation[]>;

  constructor(database: Database) {
    this.#db = database.db;
    this.#listPending = coalescedRead(async (asked) =>
      listsByPosition(
        await listPendingQuery(this.#db, {
          workspaceIds: asked.map((each) => each.workspaceId),
          nows: asked.map((each) => each.now),
        }),
        asked.length,
        ({ invitations }) =>
          invitations.map((invitation) => ({
            ...invitation,
            createdAt: new Date(invitation.createdAt),
            expiresAt: new Date(invitation.expiresAt),
          })),
      ),
    );
  }

  create(invitation: {
    workspaceId: string;
    email: string;
    role: 'admin' | 'member';
    tokenHash: string;
    invitedBy: string;
    now: Date;
    expiresAt: Date;
  }): Promise<InvitationRow> {
    return this.#db
      .insertInto('invitations')
      .values({
        workspace_id: invitation.workspaceId,
        email: invitation.email,
        role: invitation.role,
        token_hash: invitation.tokenHash,
        invited_by: invitation.invitedBy,
        created_at: invitation.now,
        expires_at: invitation.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** An invitation that can still be accepted: not used, not revoked, not expired. */
  findOpenByTokenHash(
    tokenHash: string,
    now: Date,
    db: Kysely<Tables> = this.#db,
  ): Promise<InvitationWithWorkspace | undefined> {
    return db
      .selectFrom('invitations')
      .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
      .leftJoin('users', 'users.id', 'invitations.invited_by')
      .selectAll('invitations')
      .select(['workspaces.name as workspaceName', 'users.name as invitedByName'])
      .where('invitations.token_hash', '=', tokenHash)
      .where('invitations.accepted_at', 'is', null)
      .where('invitations.revoked_at', 'is', null)
      .where('invitations.expires_at', '>', now)
      .executeTakeFirst();
  }

  listPending(workspaceId: string, now: Date): Promise<PendingInvitation[]> {
    return this.#listPending({ workspaceId, now });
  }

  /** Marks an open invitation accepted; false when someone else used it first. */
  async markAccepted(id: string, userId: string, now: Date, db: Kysely<Tables> = this.#db): Promise<boolean> {
    const result = await db
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_by: userId })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Revokes an open invitation of this workspace; false when there is none with that id. */
  async revoke(workspaceId: string, id: string, now: Date): Promise<boolean> {
    const result = await this.#db
      .updateTable('invitations')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('workspace_id', '=', workspaceId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Forgets invitations that ended (used, revoked or expired) more than `before`. */
  async deleteEndedBefore(before: Date): Promise<number> {
    const result = await this.#db
      .deleteFrom('invitations')
      .where((builder) =>
        builder.or([
          builder('expires_at', '<', before),
          builder('accepted_at', '<', before),
          builder('revoked_at', '<', before),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
