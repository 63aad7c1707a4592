import type { Guardrails } from '@whathead/contracts';
import type { Clock } from '../../lib/clock.js';
import type { BuilderGuardrailsRepository } from '../../repositories/builder/builder-guardrails.repository.js';
import type { Actor, WorkspaceService } from '../workspace.service.js';

/**
 * The workspace's limits on what a publish may do without a second owner's or admin's approval.
 * Every member sees them (the preview names what would be held); owners and admins set them.
 */
export class BuilderGuardrailsService {
  readonly #guardrails: BuilderGuardrailsRepository;
  readonly #workspaceService: WorkspaceService;
  readonly #clock: Clock;

  constructor(dependencies: {
    guardrails: BuilderGuardrailsRepository;
    workspaceService: WorkspaceService;
    clock: Clock;
  }) {
    this.#guardrails = dependencies.guardrails;
    this.#workspaceService = dependencies.workspaceService;
    this.#clock = dependencies.clock;
  }

  async get(actor: Actor, workspaceId: string): Promise<Guardrails> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    return this.#guardrails.find(workspaceId.toLowerCase());
  }

  async update(actor: Actor, workspaceId: string, input: Guardrails): Promise<Guardrails> {
    await this.#workspaceService.requireManager(
      actor,
      workspaceId,
      'Only workspace owners and admins can change the publishing guardrails.',
    );
    workspaceId = workspaceId.toLowerCase();
    await this.#guardrails.save(workspaceId, input, actor.userId, this.#clock.now());
    return this.#guardrails.find(workspaceId);
  }
}
