import type { CreateInvitationInput, Invitation, InvitationPreview } from '@whathead/contracts';
import type { Database, Kysely, Tables } from '@whathead/db';
import { AppError, notFound } from '../errors.js';
import { addSeconds, type Clock } from '../lib/clock.js';
import { keyedHash, randomToken } from '../lib/secret-token.js';
import type { InvitationRepository, InvitationWithWorkspace } from '../repositories/invitation.repository.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';
import type { Actor, WorkspaceService } from './workspace.service.js';

export const invitationLifetimeSeconds = 7 * 24 * 60 * 60;

const invalidInvitation = () =>
  new AppError('invitation_invalid', 'This invitation link is not valid any more. Ask for a new one.');

export class InvitationService {
  readonly #database: Database;
  readonly #invitations: InvitationRepository;
  readonly #workspaces: WorkspaceRepository;
  readonly #workspaceService: WorkspaceService;
  readonly #secret: string;
  readonly #publicUrl: string;
  readonly #clock: Clock;

  constructor(dependencies: {
    database: Database;
    invitations: InvitationRepository;
    workspaces: WorkspaceRepository;
    workspaceService: WorkspaceService;
    sessionSecret: string;
    publicUrl: string;
    clock: Clock;
  }) {
    this.#database = dependencies.database;
    this.#invitations = dependencies.invitations;
    this.#workspaces = dependencies.workspaces;
    this.#workspaceService = dependencies.workspaceService;
    this.#secret = dependencies.sessionSecret;
    this.#publicUrl = dependencies.publicUrl;
    this.#clock = dependencies.clock;
  }

  /** Creates an invitation and the one link that carries its token; only the token's hash is kept. */
  async create(
    actor: Actor,
    workspaceId: string,
    input: CreateInvitationInput,
  ): Promise<{ invitation: Invitation; link: string }> {
    await this.#workspaceService.requireManager(actor, workspaceId);
    const members = await this.#workspaces.listMembers(workspaceId);
    if (members.some((member) => member.email.toLowerCase() === input.email)) {
      throw new AppError('already_member', `${input.email} is already a member of this workspace.`, {
        details: { issues: [{ path: 'email', message: 'Already a member of this workspace.' }] },
      });
    }
    const token = randomToken();
    const now = this.#clock.now();
    const row = await this.#invitations.create({
      workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: this.#hash(token),
      invitedBy: actor.userId,
      now,
      expiresAt: addSeconds(now, invitationLifetimeSeconds),
    });
    const inviter = members.find((member) => member.userId === actor.userId);
    return {
      invitation: {
        id: row.id,
        email: row.email,
        role: row.role,
        invitedBy: inviter?.name ?? '',
        createdAt: row.created_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
      },
      link: `${this.#publicUrl}/invite/${token}`,
    };
  }

  async listPending(actor: Actor, workspaceId: string): Promise<Invitation[]> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const pending = await this.#invitations.listPending(workspaceId, this.#clock.now());
    return pending.map((invitation) => ({
      ...invitation,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    }));
  }

  async revoke(actor: Actor, workspaceId: string, invitationId: string): Promise<void> {
    await this.#workspaceService.requireManager(actor, workspaceId);
    if (!(await this.#invitations.revoke(workspaceId, invitationId, this.#clock.now())))
      throw notFound('This invitation');
  }

  /** What the invite page shows before anyone logs in: which workspace, invited by whom, for which email. */
  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.#findOpen(token);
    return {
      workspaceName: invitation.workspaceName,
      email: invitation.email,
      role: invitation.role,
      invitedBy: invitation.invitedByName ?? 'A former member',
      expiresAt: invitation.expires_at.toISOString(),
    };
  }

  /** An open invitation addressed to this email; the link alone is not enough to join as someone else. */
  async findOpenForEmail(token: string, email: string): Promise<InvitationWithWorkspace> {
    const invitation = await this.#findOpen(token);
    if (invitation.email.toLowerCase() !== email.toLowerCase()) {
      throw new AppError(
        'invitation_email_mismatch',
        `This invitation is for ${invitation.email}. Log in or sign up with that email to accept it.`,
      );
    }
    return invitation;
  }

  /** Accepts for a logged-in user; returns the workspace joined. */
  async accept(actor: Actor & { email: string }, token: string): Promise<string> {
    const invitation = await this.findOpenForEmail(token, actor.email);
    await this.#database.db
      .transaction()
      .execute((transaction) => this.consume(invitation, actor.userId, transaction));
    return invitation.workspace_id;
  }

  /** Marks the invitation used and adds the member, inside the caller's transaction. */
  async consume(invitation: InvitationWithWorkspace, userId: string, db: Kysely<Tables>): Promise<void> {
    if (!(await this.#invitations.markAccepted(invitation.id, userId, this.#clock.now(), db)))
      throw invalidInvitation();
    await this.#workspaces.addMember(invitation.workspace_id, userId, invitation.role, db);
  }

  async #findOpen(token: string): Promise<InvitationWithWorkspace> {
    const invitation = await this.#invitations.findOpenByTokenHash(this.#hash(token), this.#clock.now());
    if (!invitation) throw invalidInvitation();
    return invitation;
  }

  #hash(token: string): string {
    return keyedHash(this.#secret, `invitation:${token}`);
  }
}
