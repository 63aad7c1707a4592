import { openAsBlob } from 'node:fs';
import type { TikTokClient } from '@whathead/tiktok-client';
import type { Clock } from '../../lib/clock.js';
import type { MediaStore } from '../../repositories/media/media-store.js';
import type {
  MediaUploadsRepository,
  UploadWithFile,
} from '../../repositories/media/media-uploads.repository.js';
import type {
  MediaAccountRow,
  TikTokMediaAccountsRepository,
} from '../../repositories/media/tiktok-media-accounts.repository.js';
import type { LibraryItem, TikTokMediaRepository } from '../../repositories/media/tiktok-media.repository.js';
import type { TikTokConnectionRepository } from '../../repositories/tiktok-connection.repository.js';
import type { TikTokConnectionService } from '../tiktok-connection.service.js';
import { libraryImage, libraryVideo, syncAccountLibrary } from './tiktok-library-sync.js';
import { reconnectProblem, uploadFailure } from './upload-failures.js';

/** How often TikTok is asked whether new videos finished processing (reference §5: every 3 s). */
export const processingPollSeconds = 3;
/** A video TikTok has not finished after this long is reported, not waited on forever. */
const processingTimeoutMilliseconds = 30 * 60_000;
/** An upload silent this long was left by a process that stopped. */
const silentAfterMilliseconds = 90_000;
/** A queued upload untouched this long lost its job (it ran out of tries). */
const forgottenAfterMilliseconds = 30 * 60_000;
/** A file still arriving that nothing wrote to for this long was left by a process that stopped. */
const abandonedAfterMilliseconds = 24 * 60 * 60_000;
/** How often a running upload records its progress, and so shows it is alive. */
const progressEveryMilliseconds = 1000;
const heartbeatEveryMilliseconds = 15_000;
/** The slowest link an upload is given time for: 512 KB/s, and never less than a minute. */
const slowestBytesPerMillisecond = 512;

export interface UploadWorkerQueues {
  upload(target: { workspaceId: string; uploadId: string }, delaySeconds: number): Promise<unknown>;
  processing(target: { workspaceId: string; advertiserId: string }, delaySeconds: number): Promise<unknown>;
}

/**
 * The jobs' side of uploads: one file to one ad account, reused where the account has the bytes
 * already; new videos watched until TikTok can use them; uploads a stopped process left behind
 * picked up again; and originals past their retention removed.
 */
export class MediaUploadWorker {
  readonly #uploads: MediaUploadsRepository;
  readonly #library: TikTokMediaRepository;
  readonly #accounts: TikTokMediaAccountsRepository;
  readonly #connections: TikTokConnectionRepository;
  readonly #connectionService: TikTokConnectionService;
  readonly #tiktok: TikTokClient;
  readonly #store: MediaStore;
  readonly #clock: Clock;
  readonly #retentionDays: number;
  #queues: UploadWorkerQueues | undefined;

  constructor(dependencies: {
    uploads: MediaUploadsRepository;
    library: TikTokMediaRepository;
    accounts: TikTokMediaAccountsRepository;
    connections: TikTokConnectionRepository;
    connectionService: TikTokConnectionService;
    tiktok: TikTokClient;
    store: MediaStore;
    clock: Clock;
    retentionDays: number;
  }) {
    this.#uploads = dependencies.uploads;
    this.#library = dependencies.library;
    this.#accounts = dependencies.accounts;
    this.#connections = dependencies.connections;
    this.#connectionService = dependencies.connectionService;
    this.#tiktok = dependencies.tiktok;
    this.#store = dependencies.store;
    this.#clock = dependencies.clock;
    this.#retentionDays = dependencies.retentionDays;
  }

  useQueues(queues: UploadWorkerQueues): void {
    this.#queues = queues;
  }

  /**
   * One file to one ad account. Safe to run twice: only a queued upload is taken, and only one
   * upload of the same bytes to an account is on its way at a time.
   */
  async upload(workspaceId: string, uploadId: string): Promise<Record<string, unknown>> {
    const upload = await this.#uploads.find(workspaceId, uploadId);
    if (!upload || upload.state !== 'queued') return { skipped: upload?.state ?? 'gone' };
    const claim = await this.#uploads.claim(workspaceId, uploadId, this.#clock.now());
    if (claim === 'taken') return { skipped: 'taken' };
    if (claim === 'busy') {
      // The same bytes are on their way to this account in another batch: once there, reused.
      await this.#queues?.upload({ workspaceId, uploadId }, processingPollSeconds);
      return { waiting: 'the same file is uploading to this account' };
    }
    try {
      // Looked for once claimed: an upload of the same bytes that finished a moment ago is found.
      const reused = await this.#reuse(upload);
      if (reused) return reused;
      return await this.#send(upload);
    } catch (error) {
      const problem = uploadFailure(error, upload.kind, upload.file_name);
      if (problem?.code === '40911') return this.#nameTaken(upload, problem);
      // TikTok busy or down: queued again for pg-boss's retry, with the reason meanwhile.
      await this.#uploads.update(
        workspaceId,
        uploadId,
        problem
          ? { state: 'failed', bytesSent: 0, error: problem }
          : {
              state: 'queued',
              bytesSent: 0,
              error: { code: 'retrying', message: 'TikTok is busy or did not answer. Trying again.' },
            },
        this.#clock.now(),
      );
      if (problem) return { failed: problem.code };
      throw error;
    }
  }

  /** The account has these bytes already, by our record or by TikTok's MD5: nothing goes up. */
  async #reuse(upload: UploadWithFile): Promise<Record<string, unknown> | undefined> {
    const { workspace_id: workspaceId, advertiser_id: advertiserId } = upload;
    const [byMd5] = (await this.#library.findBySignatures(workspaceId, advertiserId, [upload.md5])).filter(
      (item) => item.kind === upload.kind,
    );
    let item: Pick<LibraryItem, 'mediaId' | 'displayable'> | undefined = byMd5;
    if (!item) {
      const earlier = await this.#uploads.earlierUpload(workspaceId, advertiserId, upload.sha256);
      const library = (await this.#accounts.list(workspaceId)).find(
        (each) => each.advertiser_id === advertiserId,
      );
      // Our record counts unless the library was read since and no longer lists it (deleted at TikTok).
      if (earlier?.media_id && !(library?.last_synced_at && library.last_synced_at > earlier.updated_at))
        item = { mediaId: earlier.media_id, displayable: earlier.state === 'ready' };
    }
    if (!item) return undefined;
    await this.#finish(upload, item.mediaId, item.displayable === false, true);
    return { reused: item.mediaId };
  }

  async #send(upload: UploadWithFile): Promise<Record<string, unknown>> {
    const { workspace_id: workspaceId, advertiser_id: advertiserId, id: uploadId } = upload;
    const account = (await this.#accounts.list(workspaceId)).find(
      (each) => each.advertiser_id === advertiserId,
    );
    const connection = account && (await this.#connections.find(workspaceId, account.connection_id));
    if (!account?.usable || !connection || connection.status !== 'connected') {
      await this.#uploads.update(
        workspaceId,
        uploadId,
        { state: 'failed', error: accountProblem(account) },
        this.#clock.now(),
      );
      return { failed: 'account' };
    }
    if (!(await this.#store.has(upload.sha256))) {
      await this.#uploads.update(
        workspaceId,
        uploadId,
        {
          state: 'failed',
          error: { code: 'gone', message: 'Whathead no longer holds this file. Add it again.' },
        },
        this.#clock.now(),
      );
      return { failed: 'gone' };
    }
    const bytes = Number(upload.bytes);
    let sent = 0;
    let recorded = 0;
    const record = () => {
      recorded = Date.now();
      void this.#uploads.progress(workspaceId, uploadId, sent, this.#clock.now()).catch(() => undefined);
    };
    const heartbeat = setInterval(record, heartbeatEveryMilliseconds);
    try {
      const { result } = await this.#connectionService.withConnectionToken(
        connection,
        undefined,
        async (accessToken) => {
          const file = {
            blob: await openAsBlob(this.#store.pathOf(upload.sha256)),
            md5: upload.md5,
            fileName: upload.file_name,
            onProgress: (bytesSent: number) => {
              sent = bytesSent;
              if (Date.now() - recorded >= progressEveryMilliseconds) record();
            },
          };
          const call = {
            accessToken,
            advertiserId,
            file,
            fileName: upload.file_name,
            timeoutMilliseconds: Math.max(60_000, bytes / slowestBytesPerMillisecond),
          };
          // An answer lost after the bytes arrived: the library is searched for them before any retry.
          const account = { accessToken, advertiserId };
          if (upload.kind === 'image') {
            const lookup = () => findBySignature(this.#tiktok.images.list(account), upload.md5);
            return libraryImage(await this.#tiktok.images.upload({ ...call, idempotency: { lookup } }));
          }
          const lookup = () => findBySignature(this.#tiktok.videos.list(account), upload.md5);
          return libraryVideo(await this.#tiktok.videos.upload({ ...call, idempotency: { lookup } }));
        },
      );
      await this.#library.upsert(workspaceId, advertiserId, [result], this.#clock.now());
      await this.#finish(upload, result.mediaId, result.displayable === false, false);
      return { uploaded: result.mediaId, bytes };
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * TikTok has a file of this name in the account. If it holds these very bytes (an earlier try
   * whose answer was lost), that is the upload; otherwise the person must rename the file.
   */
  async #nameTaken(upload: UploadWithFile, problem: { code: string; message: string }) {
    const found = await this.#readLibrary(upload).catch(() => undefined);
    if (found) {
      await this.#finish(upload, found.mediaId, found.displayable === false, false);
      return { recovered: found.mediaId };
    }
    await this.#uploads.update(
      upload.workspace_id,
      upload.id,
      { state: 'failed', bytesSent: 0, error: problem },
      this.#clock.now(),
    );
    return { failed: problem.code };
  }

  /** The account's library read again from TikTok, then searched for these bytes. */
  async #readLibrary(upload: UploadWithFile, accessToken?: string): Promise<LibraryItem | undefined> {
    const { workspace_id: workspaceId, advertiser_id: advertiserId } = upload;
    const read = async (token: string) =>
      syncAccountLibrary({
        tiktok: this.#tiktok,
        library: this.#library,
        workspaceId,
        advertiserId,
        accessToken: token,
        now: () => this.#clock.now(),
      });
    if (accessToken) await read(accessToken);
    else {
      const account = (await this.#accounts.list(workspaceId)).find(
        (each) => each.advertiser_id === advertiserId,
      );
      const connection = account && (await this.#connections.find(workspaceId, account.connection_id));
      if (!connection) return undefined;
      await this.#connectionService.withConnectionToken(connection, undefined, read);
    }
    const items = await this.#library.findBySignatures(workspaceId, advertiserId, [upload.md5]);
    return items.find((item) => item.kind === upload.kind);
  }

  async #finish(upload: UploadWithFile, mediaId: string, processing: boolean, reused: boolean) {
    const now = this.#clock.now();
    await this.#uploads.update(
      upload.workspace_id,
      upload.id,
      {
        state: processing ? 'processing' : 'ready',
        mediaId,
        reused,
        bytesSent: reused ? 0 : Number(upload.bytes),
        error: null,
      },
      now,
    );
    await this.#uploads.touchFiles(upload.workspace_id, [upload.sha256], now);
    if (processing)
      await this.#queues?.processing(
        { workspaceId: upload.workspace_id, advertiserId: upload.advertiser_id },
        processingPollSeconds,
      );
  }

  /**
   * Asks TikTok about the account's videos still processing (60 to a call): those done are
   * ready, those past the timeout failed, and the check comes back while any remain.
   */
  async checkProcessing(workspaceId: string, advertiserId: string): Promise<Record<string, unknown>> {
    const waiting = await this.#uploads.processing(workspaceId, advertiserId);
    if (waiting.length === 0) return { waiting: 0 };
    const account = (await this.#accounts.list(workspaceId)).find(
      (each) => each.advertiser_id === advertiserId,
    );
    const connection = account && (await this.#connections.find(workspaceId, account.connection_id));
    const now = () => this.#clock.now();
    if (!account?.usable || !connection || connection.status !== 'connected') {
      for (const upload of waiting)
        await this.#uploads.update(
          workspaceId,
          upload.id,
          { state: 'failed', error: accountProblem(account) },
          now(),
        );
      return { failed: waiting.length };
    }
    const ids = [...new Set(waiting.map((upload) => upload.media_id!))];
    const { result: videos } = await this.#connectionService.withConnectionToken(
      connection,
      undefined,
      (accessToken) => this.#tiktok.videos.getInfo({ accessToken, advertiserId, videoIds: ids }),
    );
    const byId = new Map(videos.map((video) => [video.videoId, libraryVideo(video)]));
    await this.#library.upsert(workspaceId, advertiserId, [...byId.values()], now());
    let remaining = 0;
    for (const upload of waiting) {
      const video = byId.get(upload.media_id!);
      if (video?.displayable !== false && video) {
        await this.#uploads.update(workspaceId, upload.id, { state: 'ready' }, now());
      } else if (!video) {
        await this.#uploads.update(
          workspaceId,
          upload.id,
          {
            state: 'failed',
            error: {
              code: 'deleted',
              message: 'TikTok no longer lists this video: it was deleted there. Retry to upload it again.',
            },
          },
          now(),
        );
      } else if (now().getTime() - upload.updated_at.getTime() > processingTimeoutMilliseconds) {
        await this.#uploads.update(
          workspaceId,
          upload.id,
          {
            state: 'failed',
            error: {
              code: 'processing_timeout',
              message:
                'TikTok has not finished processing this video after 30 minutes. Check it in TikTok Ads Manager, or retry.',
            },
          },
          now(),
        );
      } else remaining += 1;
    }
    if (remaining > 0) await this.#queues?.processing({ workspaceId, advertiserId }, processingPollSeconds);
    return { checked: waiting.length, remaining };
  }

  /**
   * Uploads a stopped process left behind go back to the queue (their bytes are sent again:
   * TikTok's upload does not resume); queued ones whose job gave up are failed with the reason,
   * for Retry failed; and every account with videos processing is checked again.
   */
  async recover(): Promise<Record<string, unknown>> {
    const now = this.#clock.now();
    const silentSince = new Date(now.getTime() - silentAfterMilliseconds);
    const forgottenSince = new Date(now.getTime() - forgottenAfterMilliseconds);
    const left = await this.#uploads.unfinished(silentSince, forgottenSince);
    let requeued = 0;
    let failed = 0;
    const processing = new Set<string>();
    for (const upload of left) {
      if (upload.state === 'uploading') {
        if (await this.#uploads.requeueSilent(upload.workspace_id, upload.id, silentSince, now)) {
          await this.#queues?.upload({ workspaceId: upload.workspace_id, uploadId: upload.id }, 0);
          requeued += 1;
        }
      } else if (upload.state === 'queued') {
        await this.#uploads.update(
          upload.workspace_id,
          upload.id,
          {
            state: 'failed',
            error: {
              code: 'gave_up',
              message:
                'Whathead could not reach TikTok for this upload after several tries. Retry failed to send it again.',
            },
          },
          now,
        );
        failed += 1;
      } else processing.add(`${upload.workspace_id} ${upload.advertiser_id}`);
    }
    for (const key of processing) {
      const [workspaceId, advertiserId] = key.split(' ') as [string, string];
      await this.#queues?.processing({ workspaceId, advertiserId }, 0);
    }
    return { requeued, failed, processingAccounts: processing.size };
  }

  /**
   * Originals unused for the retention period: gone from the records, and from disk when no
   * workspace holds them. Files a stopped process left half-received go too.
   */
  async purge(): Promise<Record<string, unknown>> {
    // A file's modification time is the machine's, whatever clock the app reads.
    const abandoned = await this.#store.removeAbandoned(new Date(Date.now() - abandonedAfterMilliseconds));
    const before = new Date(this.#clock.now().getTime() - this.#retentionDays * 86_400_000);
    let purged = 0;
    for (;;) {
      const batch = await this.#uploads.purgeUnused(before, 100);
      for (const file of batch) if (!file.held) await this.#store.remove(file.sha256);
      purged += batch.length;
      if (batch.length < 100) break;
    }
    return { purged, abandoned };
  }
}

/** The first item of an account's listing holding these bytes (TikTok's signature is their MD5). */
async function findBySignature<Item extends { signature?: string | undefined }>(
  listing: AsyncIterable<Item>,
  md5: string,
): Promise<Item | undefined> {
  for await (const item of listing) if (item.signature?.toLowerCase() === md5) return item;
  return undefined;
}

/** Why Whathead cannot reach an ad account for an upload now, and what brings it back. */
export function unusableAccount(account: MediaAccountRow | undefined): string {
  if (!account) return 'This workspace no longer uses this ad account. Choose it in Integrations.';
  if (account.waiting_for_reconnect)
    return 'The TikTok connection needs attention. Reconnect it in Integrations.';
  return 'TikTok no longer lets the connected TikTok user reach this ad account. Check its access in TikTok Business Center, then in Integrations.';
}

/** An account out of reach as an upload's failure: said as TikTok's own refusal of the token is. */
function accountProblem(account: MediaAccountRow | undefined) {
  if (account?.waiting_for_reconnect) return reconnectProblem;
  return { code: 'account', message: `${unusableAccount(account)} Then use Retry failed.` };
}
