import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type {
  CreateMediaBatchInput,
  MediaBatch,
  MediaBatchesResponse,
  MediaFileCheck,
  MediaProblem,
  MediaUploadState,
} from '@whathead/contracts';
import { controlCharacterPattern, mediaUploadStates } from '@whathead/contracts';
import { AppError, notFound, validationFailed } from '../../errors.js';
import type { Clock } from '../../lib/clock.js';
import type { MediaStore } from '../../repositories/media/media-store.js';
import type { MediaUploadsRepository } from '../../repositories/media/media-uploads.repository.js';
import type { Actor, WorkspaceService } from '../workspace.service.js';
import { inspectMedia, isUnreadable } from './media-inspection.js';
import { unusableAccount } from './media-upload-worker.js';
import type { MediaLibraryService } from './media-library.service.js';
import { dimensions, mediaLimits, mediaProblems, megabytes } from './media-rules.js';

/** A batch this small is a person waiting: its uploads go in the `interactive` lane. */
export const interactiveBatchUploads = 5;

/** Jobs queued at once for a batch: one at a time, 5,000 of them kept a person waiting half a minute. */
const parallelSends = 20;

/** Batches the Media page lists besides the unfinished ones. */
const listedBatches = 10;

export type UploadQueue = (
  target: { workspaceId: string; uploadId: string },
  lane: 'interactive' | 'publish',
) => Promise<unknown>;

/** A file part of a request, as it streams in. */
export interface IncomingFile {
  stream: Readable;
  fileName: string;
  /** True once the stream stopped at the size cap: the rest of the file never arrived. */
  truncated(): boolean;
}

/**
 * Uploading creatives as a person does it: each file checked by its content before anything
 * reaches TikTok, then a confirmed batch of files × ad accounts handed to jobs, and its progress.
 */
export class MediaUploadService {
  readonly #uploads: MediaUploadsRepository;
  readonly #store: MediaStore;
  readonly #library: MediaLibraryService;
  readonly #workspaceService: WorkspaceService;
  readonly #clock: Clock;
  #queue: UploadQueue | undefined;

  constructor(dependencies: {
    uploads: MediaUploadsRepository;
    store: MediaStore;
    library: MediaLibraryService;
    workspaceService: WorkspaceService;
    clock: Clock;
  }) {
    this.#uploads = dependencies.uploads;
    this.#store = dependencies.store;
    this.#library = dependencies.library;
    this.#workspaceService = dependencies.workspaceService;
    this.#clock = dependencies.clock;
  }

  useUploadQueue(queue: UploadQueue): void {
    this.#queue = queue;
  }

  /**
   * Receives one file to disk (hashed on the way, never held in memory) and judges it by its
   * content. A file TikTok would take is kept by its SHA-256 until a batch names it; any other is
   * dropped, and the answer says why in words.
   */
  async check(actor: Actor, workspaceId: string, file: IncomingFile): Promise<MediaFileCheck> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const fileName = cleanFileName(file.fileName);
    const received = await this.#store.receive(file.stream);
    const refused = (problem: MediaProblem, facts: Partial<MediaFileCheck> = {}): MediaFileCheck => ({
      sha256: received.sha256,
      fileName,
      kind: null,
      format: null,
      bytes: received.bytes,
      width: null,
      height: null,
      durationSeconds: null,
      dimensions: null,
      ...facts,
      accepted: false,
      problems: [problem],
    });
    if (file.truncated()) {
      await this.#store.discard(received);
      return refused({
        code: 'size',
        message: `More than ${megabytes(mediaLimits.videoBytes)} — TikTok takes videos up to ${megabytes(mediaLimits.videoBytes)} and images up to ${megabytes(mediaLimits.imageBytes)}.`,
      });
    }
    const facts = await inspectMedia(received.path);
    if (isUnreadable(facts)) {
      await this.#store.discard(received);
      return refused({ code: facts.unreadable, message: facts.message });
    }
    const width = facts.width ?? null;
    const height = facts.height ?? null;
    const check: MediaFileCheck = {
      sha256: received.sha256,
      fileName,
      kind: facts.kind,
      format: facts.format,
      bytes: received.bytes,
      width,
      height,
      durationSeconds: facts.kind === 'video' ? (facts.durationSeconds ?? null) : null,
      dimensions: width !== null && height !== null ? dimensions(width, height) : null,
      accepted: true,
      problems: mediaProblems(facts).map((problem) => ({ code: problem.rule, message: problem.message })),
    };
    if (check.problems.length > 0) {
      await this.#store.discard(received);
      return { ...check, accepted: false };
    }
    await this.#store.keep(received);
    await this.#uploads.saveFile(
      workspaceId.toLowerCase(),
      {
        sha256: check.sha256,
        md5: received.md5,
        kind: facts.kind,
        format: facts.format,
        bytes: received.bytes,
        width,
        height,
        durationSeconds: check.durationSeconds,
        fileName,
      },
      this.#clock.now(),
    );
    return check;
  }

  /**
   * The confirmed matrix: one upload per file per ad account, queued. The same bytes listed
   * twice go once (under the first name); a file not checked here first is refused.
   */
  async createBatch(actor: Actor, workspaceId: string, input: CreateMediaBatchInput): Promise<MediaBatch> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const workspace = workspaceId.toLowerCase();
    const seen = new Set<string>();
    const distinct = input.files.filter((file) => !seen.has(file.sha256) && seen.add(file.sha256));
    const known = new Set(
      (
        await this.#uploads.findFiles(
          workspace,
          distinct.map((file) => file.sha256),
        )
      ).map((file) => file.sha256),
    );
    const missing = distinct.findIndex((file) => !known.has(file.sha256));
    // Not found, as another workspace's file is: this workspace holds no such bytes.
    if (missing >= 0)
      throw new AppError(
        'not_found',
        `Whathead has not checked “${distinct[missing]!.fileName}”, or no longer holds it. Add the file again.`,
      );
    const names = new Map<string, string>();
    for (const file of distinct) {
      const other = names.get(file.fileName.toLowerCase());
      if (other && other !== file.sha256)
        throw validationFailed([
          {
            path: 'files',
            message: `Two different files are named “${file.fileName}”. TikTok needs each name once in an ad account: rename one.`,
          },
        ]);
      names.set(file.fileName.toLowerCase(), file.sha256);
    }
    for (const advertiserId of input.advertiserIds) {
      const account = await this.#library.findAccount(workspace, advertiserId);
      if (!account.usable)
        throw new AppError(
          'tiktok_account_not_usable',
          `Whathead cannot upload to ${account.name ?? advertiserId} now. ${unusableAccount(account)}`,
        );
    }
    const batchId = randomUUID();
    const now = this.#clock.now();
    const rows = distinct.flatMap((file) =>
      input.advertiserIds.map((advertiserId) => ({
        id: randomUUID(),
        workspaceId: workspace,
        batchId,
        sha256: file.sha256,
        advertiserId,
        fileName: file.fileName,
        createdBy: actor.userId,
      })),
    );
    await this.#uploads.createUploads(rows, now);
    await this.#uploads.touchFiles(
      workspace,
      distinct.map((file) => file.sha256),
      now,
    );
    await this.#send(
      workspace,
      rows.map((row) => row.id),
    );
    return this.#describe(workspace, batchId);
  }

  async batches(actor: Actor, workspaceId: string): Promise<MediaBatchesResponse> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const workspace = workspaceId.toLowerCase();
    const ids = await this.#uploads.latestBatchIds(workspace, listedBatches);
    return { batches: describeBatches(await this.#uploads.batch(workspace, ids), ids) };
  }

  async batch(actor: Actor, workspaceId: string, batchId: string): Promise<MediaBatch> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    return this.#describe(workspaceId.toLowerCase(), batchId.toLowerCase());
  }

  /** **Retry failed**: the batch's failed uploads go back in the queue; the rest stay as they are. */
  async retry(actor: Actor, workspaceId: string, batchId: string): Promise<MediaBatch> {
    await this.#workspaceService.requireMember(actor, workspaceId);
    const workspace = workspaceId.toLowerCase();
    const batch = await this.#describe(workspace, batchId.toLowerCase());
    const ids = await this.#uploads.requeueFailed(workspace, batch.batchId, this.#clock.now());
    await this.#send(workspace, ids);
    return this.#describe(workspace, batch.batchId);
  }

  async #send(workspaceId: string, uploadIds: readonly string[]): Promise<void> {
    const queue = this.#queue;
    if (!queue) return;
    const lane = uploadIds.length <= interactiveBatchUploads ? 'interactive' : 'publish';
    for (let start = 0; start < uploadIds.length; start += parallelSends)
      await Promise.all(
        uploadIds
          .slice(start, start + parallelSends)
          .map((uploadId) => queue({ workspaceId, uploadId }, lane)),
      );
  }

  async #describe(workspaceId: string, batchId: string): Promise<MediaBatch> {
    const [batch] = describeBatches(await this.#uploads.batch(workspaceId, [batchId]), [batchId]);
    if (!batch) throw notFound('This upload batch');
    return batch;
  }
}

type BatchRow = Awaited<ReturnType<MediaUploadsRepository['batch']>>[number];

function describeBatches(rows: readonly BatchRow[], order: readonly string[]): MediaBatch[] {
  const batches = new Map<string, MediaBatch>();
  for (const row of rows) {
    let batch = batches.get(row.batch_id);
    if (!batch) {
      batch = {
        batchId: row.batch_id,
        createdAt: row.created_at.toISOString(),
        createdBy: row.creator_name,
        uploads: [],
        counts: Object.fromEntries(mediaUploadStates.map((state) => [state, 0])) as Record<
          MediaUploadState,
          number
        >,
      };
      batches.set(row.batch_id, batch);
    }
    batch.counts[row.state] += 1;
    batch.uploads.push({
      sha256: row.sha256,
      advertiserId: row.advertiser_id,
      fileName: row.file_name,
      state: row.state,
      bytes: Number(row.file_bytes),
      bytesSent: Number(row.bytes_sent),
      mediaId: row.media_id,
      reused: row.reused,
      error:
        row.error_message === null ? null : { code: row.error_code ?? 'failed', message: row.error_message },
    });
  }
  return order.flatMap((id) => batches.get(id) ?? []);
}

/** Every character a file name may not hold (the batch refuses them): control and bidi characters. */
const unnamable = new RegExp(controlCharacterPattern.source, 'gu');

/**
 * The name a file is uploaded under: its own, without any folder, on one line, at most TikTok's
 * 100 characters (its extension kept), and so one the batch takes back as it is.
 */
export function cleanFileName(name: string): string {
  const base = path.basename(name.replaceAll('\\', '/')).replace(unnamable, '').trim();
  if (!base) return 'file';
  if (base.length <= 100) return base;
  const extension = clip(path.extname(base), 10);
  return clip(base, 100 - extension.length) + extension;
}

/** The start of `text` in at most `units` UTF-16 units, never half of a character. */
function clip(text: string, units: number): string {
  let clipped = '';
  for (const character of text) {
    if (clipped.length + character.length > units) break;
    clipped += character;
  }
  return clipped;
}
