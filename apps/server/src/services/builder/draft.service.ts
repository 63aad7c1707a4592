import {
  emptyDraftDocument,
  planPublish,
  validateDraft,
  type createDraftInputSchema,
  type Draft,
  type DraftDocument,
  type DraftListResponse,
  type DraftSummary,
  type PublishPreview,
  type saveDraftInputSchema,
} from '@whathead/contracts';
import type { z } from 'zod';
import { notFound } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { BuilderAccountsRepository } from '../../repositories/builder/builder-accounts.repository.js';
import type { BuilderGuardrailsRepository } from '../../repositories/builder/builder-guardrails.repository.js';
import type { PublishesRepository } from '../../repositories/builder/publishes.repository.js';
import type {
  DraftRepository,
  DraftRow,
  DraftSummaryRow,
} from '../../repositories/builder/draft.repository.js';
import type { Actor, WorkspaceService } from '../workspace.service.js';
import { draftConflict, draftPublishing } from './draft-errors.js';
import { budgetedIds, guardrailBreaches, withKnownBudgets } from './guardrail-check.js';
import { validationContext } from './validation-context.js';

type CreateDraftInput = z.output<typeof createDraftInputSchema>;
type SaveDraftInput = z.output<typeof saveDraftInputSchema>;

/** The list shows this many drafts, newest edit first: far more than a team keeps open. */
const listedDrafts = 500;

const missingDraft = () => notFound('This draft');

/**
 * The builder's drafts: one document per draft, saved whole by auto-save. A save names the
 * version it started from, and a newer one on the server is a conflict, never an overwrite; a
 * draft being published is read-only until the publish finishes.
 */
export class DraftService {
  readonly #drafts: DraftRepository;
  readonly #accounts: BuilderAccountsRepository;
  readonly #guardrails: BuilderGuardrailsRepository;
  readonly #publishes: Pick<PublishesRepository, 'knownBudgets'>;
  readonly #workspaceService: WorkspaceService;
  readonly #clock: Clock;

  constructor(dependencies: {
    drafts: DraftRepository;
    accounts: BuilderAccountsRepository;
    guardrails: BuilderGuardrailsRepository;
    publishes: Pick<PublishesRepository, 'knownBudgets'>;
    workspaceService: WorkspaceService;
    clock: Clock;
  }) {
    this.#drafts = dependencies.drafts;
    this.#accounts = dependencies.accounts;
    this.#guardrails = dependencies.guardrails;
    this.#publishes = dependencies.publishes;
    this.#workspaceService = dependencies.workspaceService;
    this.#clock = dependencies.clock;
  }

  async list(actor: Actor, workspaceId: string): Promise<DraftListResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const rows = await this.#drafts.list(workspaceId.toLowerCase(), listedDrafts);
    return { drafts: rows.map(describeSummary) };
  }

  async create(actor: Actor, workspaceId: string, input: CreateDraftInput): Promise<Draft> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    workspaceId = workspaceId.toLowerCase();
    const draftId = await this.#drafts.create(
      workspaceId,
      actor.userId,
      input.name,
      JSON.stringify(emptyDraftDocument),
      this.#clock.now(),
    );
    return this.#describe((await this.#drafts.find(workspaceId, draftId))!);
  }

  async get(actor: Actor, workspaceId: string, draftId: string): Promise<Draft> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const row = await this.#drafts.find(workspaceId.toLowerCase(), draftId);
    if (!row) throw missingDraft();
    return this.#describe(row);
  }

  /** Auto-save: the whole document, if the draft is still at the version the browser started from. */
  async save(
    actor: Actor,
    workspaceId: string,
    draftId: string,
    input: SaveDraftInput,
  ): Promise<{ version: number; updatedAt: string }> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    workspaceId = workspaceId.toLowerCase();
    const saved = await this.#drafts.save(
      workspaceId,
      draftId,
      input.version,
      {
        name: input.name,
        documentJson: JSON.stringify(input.document),
        campaigns: input.document.nodes.filter((node) => node.level === 'campaign').length,
        items: input.document.nodes.length,
      },
      actor.userId,
      this.#clock.now(),
    );
    if (saved) return { version: saved.version, updatedAt: saved.updatedAt.toISOString() };
    // Not saved: say why, from the draft as it is now.
    const current = await this.#drafts.find(workspaceId, draftId);
    if (!current) throw missingDraft();
    if (current.activePublishId) throw draftPublishing();
    throw this.#conflict(actor, current);
  }

  async remove(actor: Actor, workspaceId: string, draftId: string): Promise<void> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    workspaceId = workspaceId.toLowerCase();
    if (await this.#drafts.delete(workspaceId, draftId)) return;
    const current = await this.#drafts.find(workspaceId, draftId);
    if (!current) throw missingDraft();
    throw draftPublishing();
  }

  /**
   * What Publish would do with the saved version the browser names: the rules run again on the
   * server against the workspace's accounts, the plan, and the guardrails it would break.
   */
  async preview(
    actor: Actor,
    workspaceId: string,
    draftId: string,
    input: { version: number },
  ): Promise<PublishPreview> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    workspaceId = workspaceId.toLowerCase();
    const draft = await this.#drafts.find(workspaceId, draftId);
    if (!draft) throw missingDraft();
    if (draft.version !== input.version) throw this.#conflict(actor, draft);
    // Written only by `save`, after the contract's schema accepted it.
    const document = draft.document as DraftDocument;
    const [accounts, guardrails] = await Promise.all([
      this.#accounts.selected(workspaceId),
      this.#guardrails.find(workspaceId),
    ]);
    const issues = validateDraft(document, validationContext(accounts, this.#clock.now()));
    const plan = planPublish(document);
    return {
      version: draft.version,
      issues,
      items: plan.items,
      counts: plan.counts,
      guardrailBreaches: guardrailBreaches(
        withKnownBudgets(document, await this.#publishes.knownBudgets(workspaceId, budgetedIds(document))),
        plan,
        guardrails,
      ),
    };
  }

  #conflict(actor: Actor, current: DraftRow) {
    return draftConflict(
      {
        version: current.version,
        updatedAt: current.updatedAt.toISOString(),
        updatedBy: current.updatedBy,
      },
      actor,
      this.#clock.now(),
    );
  }

  #describe(row: DraftRow): Draft {
    return { ...describeSummary(row), document: row.document as DraftDocument };
  }
}

function describeSummary(row: DraftSummaryRow): DraftSummary {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    campaigns: row.campaigns,
    items: row.items,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    activePublishId: row.activePublishId,
  };
}
