import {
  compileOnce,
  type Database,
  type Kysely,
  type Role,
  type Tables,
  type WorkspaceRow,
} from '@whathead/db';

export interface MembershipWithWorkspace {
  id: string;
  name: string;
  role: Role;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

/** The team page's read, on every load of it: built once (`compileOnce`). */
const listMembersQuery = compileOnce((db: Kysely<Tables>, values: { workspaceId: string }) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.created_at as joinedAt',
    ])
    .where('memberships.workspace_id', '=', values.workspaceId)
    .orderBy('memberships.created_at'),
);

export class WorkspaceRepository {
  readonly #db: Kysely<Tables>;

  constructor(database: Database) {
    this.#db = database.db;
  }

  async create(name: string, ownerId: string, db: Kysely<Tables> = this.#db): Promise<WorkspaceRow> {
    const workspace = await db
      .insertInto('workspaces')
      .values({ name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ workspace_id: workspace.id, user_id: ownerId, role: 'owner' })
      .execute();
    return workspace;
  }

  /** The caller's role in a workspace, or undefined when they are not a member. */
  async roleOf(userId: string, workspaceId: string): Promise<Role | undefined> {
    const row = await this.#db
      .selectFrom('memberships')
      .select('role')
      .where('user_id', '=', userId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return row?.role;
  }

  listForUser(userId: string): Promise<MembershipWithWorkspace[]> {
    return this.#db
      .selectFrom('memberships')
      .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
      .select(['workspaces.id', 'workspaces.name', 'memberships.role'])
      .where('memberships.user_id', '=', userId)
      .orderBy('workspaces.name')
      .orderBy('workspaces.id')
      .execute();
  }

  listMembers(workspaceId: string): Promise<MemberRow[]> {
    return listMembersQuery(this.#db, { workspaceId });
  }

  /** Adds a member; returns false when they already belong to the workspace. */
  async addMember(
    workspaceId: string,
    userId: string,
    role: Role,
    db: Kysely<Tables> = this.#db,
  ): Promise<boolean> {
    const inserted = await db
      .insertInto('memberships')
      .values({ workspace_id: workspaceId, user_id: userId, role })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }
}
