import {
  askedKeys,
  askedPosition,
  coalescedRead,
  compileOnce,
  jsonListOf,
  listsByPosition,
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

/**
 * The team page's read, on every load of it: built once (`compileOnce`), and loads arriving
 * together share one statement (`coalescedRead`), each workspace's members as one JSON list.
 */
const listMembersQuery = compileOnce((db: Kysely<Tables>, values: { workspaceIds: string[] }) =>
  db
    .selectFrom(askedKeys({ workspace_id: [values.workspaceIds, 'uuid'] }))
    .select((asked) => [
      askedPosition,
      jsonListOf(
        asked
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select([
            'users.id as userId',
            'users.name',
            'users.email',
            'memberships.role',
            'memberships.created_at as joinedAt',
          ])
          .whereRef('memberships.workspace_id', '=', 'asked.workspace_id'),
        ['joinedAt', 'userId'],
      ).as('members'),
    ]),
);

export class WorkspaceRepository {
  readonly #db: Kysely<Tables>;

  readonly #listMembers: (workspaceId: string) => Promise<MemberRow[]>;

  constructor(database: Database) {
    this.#db = database.db;
    this.#listMembers = coalescedRead(async (workspaceIds) =>
      listsByPosition(
        await listMembersQuery(this.#db, { workspaceIds: [...workspaceIds] }),
        workspaceIds.length,
        ({ members }) => members.map((member) => ({ ...member, joinedAt: new Date(member.joinedAt) })),
      ),
    );
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
    return this.#listMembers(workspaceId);
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
