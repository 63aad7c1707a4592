import type { LogInInput, SignUpInput } from '@whathead/contracts';
import type { Database } from '@whathead/db';
import { AppError, validationFailed } from '../errors.js';
import { hashPassword, verifyPassword, type PasswordCost } from '../lib/password.js';
import type { UserRepository } from '../repositories/user.repository.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';
import type { InvitationService } from './invitation.service.js';
import type { LoginThrottleService } from './login-throttle.service.js';

export class AccountService {
  readonly #database: Database;
  readonly #users: UserRepository;
  readonly #workspaces: WorkspaceRepository;
  readonly #invitations: InvitationService;
  readonly #throttle: LoginThrottleService;
  readonly #passwordCost: PasswordCost;
  /** Verified against when an email is unknown, so a wrong email takes as long as a wrong password. */
  #decoyHash: Promise<string> | undefined;

  constructor(dependencies: {
    database: Database;
    users: UserRepository;
    workspaces: WorkspaceRepository;
    invitations: InvitationService;
    throttle: LoginThrottleService;
    passwordCost: PasswordCost;
  }) {
    this.#database = dependencies.database;
    this.#users = dependencies.users;
    this.#workspaces = dependencies.workspaces;
    this.#invitations = dependencies.invitations;
    this.#throttle = dependencies.throttle;
    this.#passwordCost = dependencies.passwordCost;
  }

  /**
   * Creates the user with their first workspace: a new one they own, or the one an invitation
   * brings them into. Returns the workspace to make active.
   */
  async signUp(input: SignUpInput): Promise<{ userId: string; workspaceId: string }> {
    const invitation = input.invitationToken
      ? await this.#invitations.findOpenForEmail(input.invitationToken, input.email)
      : undefined;
    if (!invitation && !input.workspaceName) {
      throw validationFailed([{ path: 'workspaceName', message: 'Enter a workspace name.' }]);
    }
    const passwordHash = await hashPassword(input.password, this.#passwordCost);
    return this.#database.db.transaction().execute(async (transaction) => {
      const user = await this.#users.insert(
        { email: input.email, name: input.name, password_hash: passwordHash },
        transaction,
      );
      if (!user) {
        throw new AppError('email_taken', 'An account with this email already exists. Log in instead.', {
          details: { issues: [{ path: 'email', message: 'An account with this email already exists.' }] },
        });
      }
      if (invitation) {
        await this.#invitations.consume(invitation, user.id, transaction);
        return { userId: user.id, workspaceId: invitation.workspace_id };
      }
      const workspace = await this.#workspaces.create(input.workspaceName!, user.id, transaction);
      return { userId: user.id, workspaceId: workspace.id };
    });
  }

  /** Checks the credentials; every failure looks the same to the caller and counts against the throttle. */
  async logIn(input: LogInInput, clientAddress: string): Promise<{ userId: string }> {
    await this.#throttle.beginAttempt(input.email, clientAddress);
    const user = await this.#users.findByEmail(input.email);
    this.#decoyHash ??= hashPassword('decoy password for unknown emails', this.#passwordCost);
    const valid = await verifyPassword(input.password, user?.password_hash ?? (await this.#decoyHash));
    if (!user || !valid) {
      throw new AppError('invalid_credentials', 'That email and password do not match an account.');
    }
    await this.#throttle.recordSuccess(input.email, clientAddress);
    return { userId: user.id };
  }
}
