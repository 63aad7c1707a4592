import type { PublishChanges } from '../../repositories/builder/publish-changes.js';
import {
  blockingIssues,
  describeIssue,
  indexDraft,
  planPublish,
  validateDraft,
  type DraftDocument,
  type DraftNode,
  type Publish,
  type PublishItem,
} from '@whathead/contracts';
import { createRequestId } from '@whathead/tiktok-client';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { BuilderAccountsRepository } from '../../repositories/builder/builder-accounts.repository.js';
import type { BuilderGuardrailsRepository } from '../../repositories/builder/builder-guardrails.repository.js';
import type { DraftRepository } from '../../repositories/builder/draft.repository.js';
import type {
  NewPublishItem,
  PublishesRepository,
  PublishItemRow,
  PublishWithPeople,
} from '../../repositories/builder/publishes.repository.js';
import type { CreativeFilesRepository } from '../../repositories/builder/creative-files.repository.js';
import type { TikTokAuditRepository } from '../../repositories/tiktok-audit.repository.js';
import type { MediaUploadService } from '../media/media-upload.service.js';
import type { Actor, WorkspaceService } from '../workspace.service.js';
import { draftConflict, draftPublishing } from './draft-errors.js';
import { budgetedIds, guardrailBreaches, withKnownBudgets } from './guardrail-check.js';
import { validationContext } from './validation-context.js';

export type PublishQueue = (target: { workspaceId: string; publishId: string }) => Promise<unknown>;

const listedPublishes = 50;
const missingPublish = () => notFound('This publish');

/**
 * Publishing a saved draft: checked again on the server, planned (create, update with the changed
 * fields, skip), held for a second owner or admin when it breaks a guardrail, and handed to the
 * `draft-publish` job. The click makes no TikTok call itself.
 */
/** How often a followed publish is read besides its announcements (one may be missed). */
const followReadMilliseconds = 5_000;
/** The least time between two readings of a followed publish. */
const followSpacingMilliseconds = 250;

export class PublishService {
  readonly #publishes: PublishesRepository;
  readonly #drafts: DraftRepository;
  readonly #accounts: BuilderAccountsRepository;
  readonly #guardrails: BuilderGuardrailsRepository;
  readonly #audit: TikTokAuditRepository;
  readonly #creativeFiles: CreativeFilesRepository;
  readonly #mediaUploads: Pick<MediaUploadService, 'createBatch'>;
  readonly #workspaceService: WorkspaceService;
  readonly #clock: Clock;
  readonly #changes: PublishChanges | undefined;
  #queue: PublishQueue | undefined;

  constructor(dependencies: {
    publishes: PublishesRepository;
    drafts: DraftRepository;
    accounts: BuilderAccountsRepository;
    guardrails: BuilderGuardrailsRepository;
    audit: TikTokAuditRepository;
    creativeFiles: CreativeFilesRepository;
    mediaUploads: Pick<MediaUploadService, 'createBatch'>;
    workspaceService: WorkspaceService;
    /** Announcements of changed publishes, which `follow` listens to. */
    changes?: PublishChanges;
    clock: Clock;
  }) {
    this.#changes = dependencies.changes;
    this.#creativeFiles = dependencies.creativeFiles;
    this.#mediaUploads = dependencies.mediaUploads;
    this.#publishes = dependencies.publishes;
    this.#drafts = dependencies.drafts;
    this.#accounts = dependencies.accounts;
    this.#guardrails = dependencies.guardrails;
    this.#audit = dependencies.audit;
    this.#workspaceService = dependencies.workspaceService;
    this.#clock = dependencies.clock;
  }

  usePublishQueue(queue: PublishQueue): void {
    this.#queue = queue;
  }

  async start(actor: Actor, workspaceId: string, draftId: string, version: number): Promise<Publish> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    workspaceId = workspaceId.toLowerCase();
    const draft = await this.#drafts.find(workspaceId, draftId);
    if (!draft) throw notFound('This draft');
    if (draft.version !== version)
      throw draftConflict(
        { version: draft.version, updatedAt: draft.updatedAt.toISOString(), updatedBy: draft.updatedBy },
        actor,
        this.#clock.now(),
      );
    if (draft.activePublishId) throw draftPublishing();
    const document = draft.document as DraftDocument;
    const [accounts, guardrails] = await Promise.all([
      this.#accounts.selected(workspaceId),
      this.#guardrails.find(workspaceId),
    ]);
    const errors = blockingIssues(validateDraft(document, validationContext(accounts, this.#clock.now())));
    if (errors.length > 0) {
      const tree = indexDraft(document);
      throw new AppError(
        'draft_invalid',
        `The draft has ${errors.length === 1 ? 'an error' : `${errors.length} errors`} to fix before publishing.`,
        {
          details: {
            issues: errors.map((issue) => ({
              path: `nodes.${issue.key}${issue.field ? `.${issue.field}` : ''}`,
              message: describeIssue(issue, tree.byKey.get(issue.key)),
            })),
          },
        },
      );
    }
    const tree = indexDraft(document);
    const copies = await this.#creativeCopies(actor, workspaceId, document);
    const plan = planPublish(document);
    const breaches = guardrailBreaches(
      withKnownBudgets(document, await this.#publishes.knownBudgets(workspaceId, budgetedIds(document))),
      plan,
      guardrails,
    );
    const items: NewPublishItem[] = plan.items.map((item) => ({
      nodeKey: item.key,
      level: item.level,
      name: item.name,
      advertiserId: item.advertiserId,
      parentKey: item.parentKey,
      action: item.action,
      changes: item.changes,
      node: copies.get(item.key) ?? tree.byKey.get(item.key),
      // Chosen and stored before anything is sent, so every later send of it is the same create.
      requestId: item.action === 'create' && item.level !== 'ad' ? createRequestId() : null,
    }));
    const nothingToSend = plan.counts.create + plan.counts.update === 0;
    let publishId: string | 'conflict';
    try {
      publishId = await this.#publishes.create(
        {
          workspaceId,
          draftId: draft.id,
          draftVersion: draft.version,
          state: breaches.length > 0 ? 'awaiting_approval' : nothingToSend ? 'succeeded' : 'queued',
          requestedBy: actor.userId,
          guardrailBreaches: breaches,
        },
        items,
      );
    } catch (error) {
      // Two clicks at once: the database keeps one unfinished publish per draft.
      if (isUniqueViolation(error)) throw draftPublishing();
      throw error;
    }
    if (publishId === 'conflict') {
      const current = await this.#drafts.find(workspaceId, draftId);
      if (!current) throw notFound('This draft');
      if (current.activePublishId) throw draftPublishing();
      throw draftConflict(
        {
          version: current.version,
          updatedAt: current.updatedAt.toISOString(),
          updatedBy: current.updatedBy,
        },
        actor,
        this.#clock.now(),
      );
    }
    await this.#record(
      actor,
      workspaceId,
      'publish_requested',
      publishSummary('Asked to publish', draft.name, plan.counts, breaches),
    );
    if (breaches.length === 0 && !nothingToSend) await this.#queue?.({ workspaceId, publishId });
    return this.get(actor, workspaceId, publishId);
  }

  async get(actor: Actor, workspaceId: string, publishId: string): Promise<Publish> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const publish = await this.#publishes.find(workspaceId.toLowerCase(), publishId);
    if (!publish) throw missingPublish();
    return describePublish(publish, await this.#publishes.items(publish.id));
  }

  /**
   * Hands `onPublish` the publish now and again after each change until `stop` is called, in
   * order, never two readings at once; changes announced while one is read are read once after it.
   * Also reads it every few seconds, for an announcement this process missed.
   */
  async follow(
    actor: Actor,
    workspaceId: string,
    publishId: string,
    onPublish: (publish: Publish) => void,
  ): Promise<() => void> {
    let publish = await this.get(actor, workspaceId, publishId);
    onPublish(publish);
    let stopped = false;
    let reading: Promise<void> | undefined;
    let again = false;
    const read = () => {
      if (stopped) return;
      if (reading) {
        again = true;
        return;
      }
      reading = (async () => {
        do {
          again = false;
          const next = await this.get(actor, workspaceId, publishId).catch(() => undefined);
          if (stopped || !next) return;
          if (JSON.stringify(next) !== JSON.stringify(publish)) onPublish((publish = next));
          // At most a few readings a second, however fast a large publish changes.
          await new Promise((resolve) => setTimeout(resolve, followSpacingMilliseconds));
        } while (again && !stopped);
      })().finally(() => {
        reading = undefined;
      });
    };
    // The id as the publish has it (the URL's may differ in case), which is what is announced.
    const unlisten = (await this.#changes?.follow(publish.id, read)) ?? (() => {});
    const timer = setInterval(read, followReadMilliseconds);
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
      unlisten();
    };
  }

  async list(actor: Actor, workspaceId: string): Promise<{ publishes: Omit<Publish, 'items'>[] }> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const rows = await this.#publishes.list(workspaceId.toLowerCase(), listedPublishes);
    return {
      publishes: rows.map((row) => {
        const { items: _items, ...summary } = describePublish(row, null);
        return summary;
      }),
    };
  }

  /** A second owner or admin lets a publish that broke a guardrail go ahead. */
  async approve(actor: Actor, workspaceId: string, publishId: string): Promise<Publish> {
    const publish = await this.#reviewable(actor, workspaceId, publishId);
    const moved = await this.#publishes.setState(publish.id, ['awaiting_approval'], {
      state: 'queued',
      reviewedBy: actor.userId,
      reviewedAt: this.#clock.now(),
    });
    if (!moved) throw alreadyReviewed();
    await this.#record(
      actor,
      publish.workspace_id,
      'publish_approved',
      `Approved the publish of “${publish.draft_name}” asked for by ${publish.requested_by_name ?? 'a former member'}.`,
    );
    await this.#queue?.({ workspaceId: publish.workspace_id, publishId: publish.id });
    return this.get(actor, workspaceId, publishId);
  }

  async reject(actor: Actor, workspaceId: string, publishId: string): Promise<Publish> {
    // The one who asked may withdraw their request: with no second owner or admin, the draft
    // would otherwise stay held.
    const publish = await this.#reviewable(actor, workspaceId, publishId, { ownRequest: true });
    const moved = await this.#publishes.setState(publish.id, ['awaiting_approval'], {
      state: 'rejected',
      reviewedBy: actor.userId,
      reviewedAt: this.#clock.now(),
      finishedAt: this.#clock.now(),
    });
    if (!moved) throw alreadyReviewed();
    await this.#record(
      actor,
      publish.workspace_id,
      'publish_rejected',
      `${publish.requested_by === actor.userId ? 'Withdrew' : 'Rejected'} the publish of “${publish.draft_name}” asked for by ${publish.requested_by_name ?? 'a former member'}.`,
    );
    return this.get(actor, workspaceId, publishId);
  }

  /** After a Reconnect: the workspace's publishes that stopped for it go on where they stopped. */
  async resumeBlocked(workspaceId: string): Promise<number> {
    const ids = await this.#publishes.unblock(workspaceId);
    for (const publishId of ids) await this.#queue?.({ workspaceId, publishId });
    return ids.length;
  }

  /**
   * Ads whose creative lives in another ad account's library (a tree duplicated into this one):
   * the original Whathead keeps is queued for upload to the campaign's account now, through the
   * creative library (which reuses what the account already has), and the ad as sent names those
   * bytes for the publish to wait on. A creative Whathead holds no file for cannot be copied.
   */
  async #creativeCopies(
    actor: Actor,
    workspaceId: string,
    document: DraftDocument,
  ): Promise<Map<string, DraftNode>> {
    const tree = indexDraft(document);
    const copies = new Map<string, DraftNode>();
    const uploads = new Map<string, { sha256: string; fileName: string }[]>();
    const missing: { key: string; message: string }[] = [];
    for (const node of tree.nodes) {
      if (node.level !== 'ad' || node.tiktokId) continue;
      const creative = node.settings.creative;
      const target = tree.campaignOf(node)?.advertiserId;
      if (!creative?.advertiserId || !target || creative.advertiserId === target) continue;
      const original = await this.#creativeFiles.originalOf(
        workspaceId,
        creative.advertiserId,
        creative.materialId,
      );
      if (!original) {
        missing.push({
          key: node.key,
          message: describeIssue(
            {
              key: node.key,
              field: 'creative',
              severity: 'error',
              message: `Whathead holds no file for “${creative.fileName}” (it was uploaded to TikTok elsewhere), so it cannot copy it into this ad account. Choose a creative from this account’s library, or upload the file.`,
            },
            node,
          ),
        });
        continue;
      }
      copies.set(node.key, {
        ...node,
        settings: { ...node.settings, creative: { ...creative, sha256: original.sha256 } },
      });
      uploads.set(target, [...(uploads.get(target) ?? []), original]);
    }
    if (missing.length > 0)
      throw new AppError('draft_invalid', 'Some creatives cannot be copied into their new ad account.', {
        details: {
          issues: missing.map((each) => ({ path: `nodes.${each.key}.creative`, message: each.message })),
        },
      });
    for (const [advertiserId, files] of uploads) {
      const seen = new Set<string>();
      const distinct = files.filter((file) => !seen.has(file.sha256) && seen.add(file.sha256));
      await this.#mediaUploads.createBatch(actor, workspaceId, {
        files: distinct,
        advertiserIds: [advertiserId],
      });
    }
    return copies;
  }

  async #reviewable(
    actor: Actor,
    workspaceId: string,
    publishId: string,
    allow: { ownRequest?: boolean } = {},
  ): Promise<PublishWithPeople> {
    await this.#workspaceService.requireManager(
      actor,
      workspaceId,
      'Only workspace owners and admins can approve or reject a publish.',
    );
    const publish = await this.#publishes.find(workspaceId.toLowerCase(), publishId);
    if (!publish) throw missingPublish();
    if (publish.state !== 'awaiting_approval') throw alreadyReviewed(publish.state);
    if (publish.requested_by === actor.userId && !allow.ownRequest)
      throw forbidden('Another owner or admin must review this publish: you asked for it yourself.');
    return publish;
  }

  async #record(actor: Actor, workspaceId: string, action: string, summary: string): Promise<void> {
    await this.#audit.add({
      workspaceId,
      connectionId: null,
      actorUserId: actor.userId,
      action,
      businessCenterId: null,
      businessCenterName: null,
      summary,
      tiktokRequestId: null,
      now: this.#clock.now(),
    });
  }
}

const alreadyReviewed = (state?: string) =>
  new AppError(
    'publish_reviewed',
    `This publish is no longer waiting for approval${state ? `: it is ${state.replace('_', ' ')}` : ': someone reviewed it just now'}.`,
  );

function publishSummary(
  what: string,
  draftName: string,
  counts: { create: number; update: number; skip: number },
  breaches: string[],
): string {
  const waits = breaches.length > 0 ? `; waits for approval: ${breaches.join(' ')}` : '';
  return `${what} “${draftName}”: ${counts.create} to create, ${counts.update} to update, ${counts.skip} unchanged${waits}`;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

function describeItem(row: PublishItemRow): PublishItem {
  return {
    key: row.node_key,
    level: row.level,
    name: row.name,
    advertiserId: row.advertiser_id,
    parentKey: row.parent_key,
    action: row.action,
    changes: row.changes as PublishItem['changes'],
    state: row.state,
    tiktokId: row.tiktok_id ?? (row.node as { tiktokId: string | null }).tiktokId,
    error: row.error,
    errorField: row.error_field,
  };
}

function describePublish(row: PublishWithPeople, items: PublishItemRow[] | null): Publish {
  const counts = { create: Number(row.creates), update: Number(row.updates), skip: Number(row.skips) };
  const described = (items ?? []).map(describeItem);
  return {
    id: row.id,
    draftId: row.draft_id,
    draftName: row.draft_name,
    state: row.state,
    counts,
    items: described,
    requestedBy: row.requested_by ? { id: row.requested_by, name: row.requested_by_name ?? '' } : null,
    reviewedBy: row.reviewed_by ? { id: row.reviewed_by, name: row.reviewed_by_name ?? '' } : null,
    guardrailBreaches: row.guardrail_breaches as string[],
    blockedReason: row.blocked_reason,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
