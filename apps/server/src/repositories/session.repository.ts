import type { Database, Kysely, Tables } from '@whathead/db';
import { askedKeys, askedPosition, coalescedRead, compileOnce, jsonListOf, sql } from '@whathead/db';
import type { MembershipWithWorkspace } from './workspace.repository.js';

export interface SessionWithUser {
  tokenHash: string;
  userId: string;
  email: string;
  name: string;
  activeWorkspaceId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /**
   * The user's workspaces and roles, read in the same statement as the session, so a request
   * that names a workspace needs no second query to know whether its user belongs to it.
   */
  workspaces: MembershipWithWorkspace[];
}

/**
 * Every API request runs it, so it is built once (`compileOnce`) and requests arriving together
 * share one statement (`coalescedRead`): the sessions asked for come as arrays, each with the time
 * it was asked at, and each row says which one it answers (`position`, from 1).
 */
const findLiveQuery = compileOnce((db: Kysely<Tables>, values: { tokenHashes: string[]; nows: Date[] }) =>
  db
    .selectFrom(askedKeys({ token_hash: [values.tokenHashes, 'text'], now: [values.nows, 'timestamptz'] }))
    .innerJoin('sessions', 'sessions.token_hash', 'asked.token_hash')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((builder) => [
      askedPosition,
      'sessions.token_hash as tokenHash',
      'sessions.user_id as userId',
      'users.email',
      'users.name',
      'sessions.active_workspace_id as activeWorkspaceId',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      jsonListOf(
        builder
          .selectFrom('memberships')
          .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
          .select(['workspaces.id', 'workspaces.name', 'memberships.role'])
          .whereRef('memberships.user_id', '=', 'sessions.user_id'),
        ['name', 'id'],
      ).as('workspaces'),
    ])
    .whereRef('sessions.expires_at', '>', 'asked.now'),
);

export class SessionRepository {
  readonly #db: Kysely<Tables>;
  readonly #findLive: (asked: { tokenHash: string; now: Date }) => Promise<SessionWithUser | undefined>;

  constructor(database: Database) {
    this.#db = database.db;
    this.#findLive = coalescedRead(async (asked) => {
      const rows = await findLiveQuery(this.#db, {
        tokenHashes: asked.map((each) => each.tokenHash),
        nows: asked.map((each) => each.now),
      });
      const found: (SessionWithUser | undefined)[] = asked.map(() => undefined);
      for (const { position, ...session } of rows) found[position - 1] = session;
      return found;
    });
  }

  /**
   * Stores a new session. With `passwordHash`, only while the user's password is still the one
   * that was checked: a log-in whose check finished just before a reset or a password change
   * committed must not leave a session behind. Answers whether it was stored.
   */
  async create(session: {
    tokenHash: string;
    userId: string;
    activeWorkspaceId: string | null;
    now: Date;
    expiresAt: Date;
    passwordHash?: string;
  }): Promise<boolean> {
    const result = await this.#db
      .insertInto('sessions')
      .columns(['token_hash', 'user_id', 'active_workspace_id', 'created_at', 'last_seen_at', 'expires_at'])
      .expression((builder) =>
        builder
          .selectFrom('users')
          .select([
            sql.val(session.tokenHash).as('token_hash'),
            'users.id',
            sql.val(session.activeWorkspaceId).as('active_workspace_id'),
            sql.val(session.now).as('created_at'),
            sql.val(session.now).as('last_seen_at'),
            sql.val(session.expiresAt).as('expires_at'),
          ])
          .where('users.id', '=', session.userId)
          .$if(session.passwordHash !== undefined, (query) =>
            query.where('users.password_hash', '=', session.passwordHash!),
          ),
      )
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  /** Ends the user's oldest sessions beyond the newest `keep`, so logging in without end stores no more. */
  async deleteOldestBeyond(userId: string, keep: number): Promise<void> {
    await this.#db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .where('token_hash', 'not in', (builder) =>
        builder
          .selectFrom('sessions')
          .select('token_hash')
          .where('user_id', '=', userId)
          .orderBy('created_at', 'desc')
          .orderBy('token_hash')
          .limit(keep),
      )
      .execute();
  }

  /**
   * A live session, its user and the user's workspaces (ordered as `WorkspaceRepository.listForUser`
   * orders them), in one statement: every API request starts with it. Expired sessions are as
   * good as absent.
   */
  async findLive(tokenHash: string, now: Date): Promise<SessionWithUser | undefined> {
    return this.#findLive({ tokenHash, now });
  }

  async touch(tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
    await this.#db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async setActiveWorkspace(
    tokenHash: string,
    workspaceId: string,
    db: Kysely<Tables> = this.#db,
  ): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ active_workspace_id: workspaceId })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** How many live sessions the user has besides `exceptTokenHash`. */
  async countOthers(userId: string, exceptTokenHash: string, now: Date): Promise<number> {
    const row = await this.#db
      .selectFrom('sessions')
      .select((builder) => builder.fn.countAll<number | string | bigint>().as('count'))
      .where('user_id', '=', userId)
      .where('token_hash', '<>', exceptTokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    // int8 reads as a number or bigint on PGlite and as a string on `pg`.
    return Number(row.count);
  }

  /** Ends every session of the user but `exceptTokenHash` (all of them when it is undefined); returns how many live ones ended. */
  async deleteForUser(
    userId: string,
    options: { exceptTokenHash?: string; now: Date },
    db: Kysely<Tables> = this.#db,
  ): Promise<number> {
    const deleted = await db
      .deleteFrom('sessions')
      .where('user_id', '=', userId)
      .$if(options.exceptTokenHash !== undefined, (query) =>
        query.where('token_hash', '<>', options.exceptTokenHash!),
      )
      .returning('expires_at')
      .execute();
    return deleted.filter((session) => session.expires_at > options.now).length;
  }

  /** Removes sessions past their expiry; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.#db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
