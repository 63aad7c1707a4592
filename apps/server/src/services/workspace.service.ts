import { canManageMembers, type Member, type Role } from '@whathead/contracts';
import type { Database } from '@whathead/db';
import { forbidden, notFound } from '../errors.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';

/** Who is asking: every workspace-scoped call names its actor, and the service checks membership. */
export interface Actor {
  userId: string;
  /**
   * The actor's memberships as read with their session at the start of this request (a
   * `CurrentSession` carries them): a workspace found here needs no second query. One not found
   * here is still asked of the database, so a membership made earlier in the same request counts.
   */
  workspaces?: readonly { id: string; role: Role }[];
}

export class WorkspaceService {
  readonly #database: Database;
  readonly #workspaces: WorkspaceRepository;

  constructor(dependencies: { database: Database; workspaces: WorkspaceRepository }) {
    this.#database = dependencies.database;
    this.#workspaces = dependencies.workspaces;
  }

  async create(actor: Actor, name: string): Promise<{ id: string }> {
    // The workspace and its owner's membership land together, or a workspace could be left ownerless.
    const workspace = await this.#database.db
      .transaction()
      .execute((transaction) => this.#workspaces.create(name, actor.userId, transaction));
    return { id: workspace.id };
  }

  /**
   * The actor's role in the workspace. A workspace the actor does not belong to answers exactly
   * like one that does not exist, so ids cannot be probed.
   */
  async requireMember(actor: Actor, workspaceId: string): Promise<Role> {
    const role =
      actor.workspaces?.find((workspace) => workspace.id === workspaceId)?.role ??
      (await this.#workspaces.roleOf(actor.userId, workspaceId));
    if (!role) throw notFound('This workspace');
    return role;
  }

  /** An owner or admin; anyone else is refused with `refusal`, which says what they tried. */
  async requireManager(
    actor: Actor,
    workspaceId: string,
    refusal = 'Only workspace owners and admins can manage the team.',
  ): Promise<Role> {
    const role = await this.requireMember(actor, workspaceId);
    if (!canManageMembers(role)) throw forbidden(refusal);
    return role;
  }

  async listMembers(actor: Actor, workspaceId: string): Promise<Member[]> {
    await this.requireMember(actor, workspaceId);
    const members = await this.#workspaces.listMembers(workspaceId);
    return members.map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() }));
  }
}
