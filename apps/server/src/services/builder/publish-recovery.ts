import type { Clock } from '../../lib/clock.js';
import type { PublishesRepository } from '../../repositories/builder/publishes.repository.js';
import type { PublishQueue } from './publish.service.js';

/** A queued publish whose job went missing is sent again after this long. */
const queuedGraceMilliseconds = 60_000;

/**
 * Publishes a stopped process left behind: running with a lapsed lease, or queued with no job
 * taking them. Each is queued again; its run reconciles the journal before sending anything.
 */
export class PublishRecovery {
  readonly #publishes: PublishesRepository;
  readonly #clock: Clock;
  #queue: PublishQueue | undefined;

  constructor(dependencies: { publishes: PublishesRepository; clock: Clock }) {
    this.#publishes = dependencies.publishes;
    this.#clock = dependencies.clock;
  }

  usePublishQueue(queue: PublishQueue): void {
    this.#queue = queue;
  }

  async recover(): Promise<Record<string, unknown>> {
    const now = this.#clock.now();
    const stalled = await this.#publishes.stalled(now, new Date(now.getTime() - queuedGraceMilliseconds));
    for (const publish of stalled)
      await this.#queue?.({ workspaceId: publish.workspace_id, publishId: publish.id });
    return { requeued: stalled.length };
  }
}
