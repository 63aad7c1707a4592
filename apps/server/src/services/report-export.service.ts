import { AppError } from '../errors.js';
import type { Clock } from '../lib/clock.js';
import type {
  BreakdownView,
  ExportCaps,
  ReportExportRepository,
} from '../repositories/report-export.repository.js';
import type { BreakdownRow, ReportScope } from '../repositories/tiktok-report-queries.repository.js';

export interface ReportExportLimits extends ExportCaps {
  /** Rows read from the database at a time: a download holds one page in memory. */
  pageRows: number;
  /** How often a running export's process says it is alive. */
  heartbeatMilliseconds: number;
  /** A heartbeat older than this means the process died: its export stops counting. */
  staleAfterMilliseconds: number;
  /** How long a download's client may take no data before it is dropped. */
  stalledAfterMilliseconds: number;
  /**
   * The longest an export holds its slot, whatever its download does: a download that ends in a
   * way nothing saw (its socket gone while it waited behind another response) frees it then.
   */
  lifetimeMilliseconds: number;
}

export const reportExportLimits: ReportExportLimits = {
  // Caps a real team never meets. An export of a year of ads is summed in seconds: a person
  // downloads one at a time (two: a second tab, or a click again while the first still runs), and
  // a workspace's few people rarely export in the same few seconds. The app's cap is what exports
  // may take from everyone else at once: eight summing statements on the database and eight pages
  // in memory. Only a script or a stuck client meets them.
  perUser: 2,
  perWorkspace: 4,
  perApp: 8,
  // Pages are read by position, not summed again, so small pages cost little and keep a stalled
  // download's memory small.
  pageRows: 1000,
  heartbeatMilliseconds: 30_000,
  // Four missed heartbeats: a busy database delays one, never four.
  staleAfterMilliseconds: 120_000,
  // A client reading at all takes data far more often; one that stops holds a slot for nothing.
  stalledAfterMilliseconds: 60_000,
  // A whole year of ads downloads in seconds; half an hour is a client that is not reading it.
  lifetimeMilliseconds: 30 * 60_000,
};

/** An export takes seconds: by then, one running now has likely ended. */
const retryAfterSeconds = 10;

const whose = { user: 'for you', workspace: 'in this workspace', app: 'on this Whathead' } as const;

export interface ReportExport {
  /** Every row in order, page by page as they are read; the first page is read already. */
  rows: AsyncIterable<BreakdownRow>;
  /** How long the download may go without its client taking data before it is dropped. */
  stalledAfterMilliseconds: number;
  /** Ends the export, whatever state it is in: its slot and its rows are freed. Safe twice. */
  close(): Promise<void>;
}

/**
 * The Reports CSV exports: a few at once (counted in the database, so every app process counts
 * the same ones), each one's rows summed once when it starts and then read page by page.
 */
export class ReportExportService {
  readonly #exports: ReportExportRepository;
  readonly #clock: Clock;
  #limits: ReportExportLimits;

  constructor(dependencies: {
    exports: ReportExportRepository;
    clock: Clock;
    limits?: Partial<ReportExportLimits>;
  }) {
    this.#exports = dependencies.exports;
    this.#clock = dependencies.clock;
    this.#limits = { ...reportExportLimits, ...dependencies.limits };
  }

  /** Other limits than the standard ones: tests use small pages and short waits. */
  useLimits(limits: Partial<ReportExportLimits>): void {
    this.#limits = { ...this.#limits, ...limits };
  }

  /**
   * Starts an export of the breakdown for a person, or refuses with 429 when a cap is reached.
   * Its first page is read before this returns, so a failure is an error answer, not a cut-off file.
   */
  async open(
    owner: { workspaceId: string; userId: string },
    breakdown: { scope: ReportScope; view: BreakdownView },
  ): Promise<ReportExport> {
    const limits = this.#limits;
    const now = this.#clock.now();
    const claim = await this.#exports.claim(
      owner,
      limits,
      now,
      new Date(now.getTime() - limits.staleAfterMilliseconds),
    );
    if (!claim.claimed)
      throw new AppError(
        'too_many_attempts',
        `${limits[claimCapOf[claim.full]]} exports are already running ${whose[claim.full]}; try again in a moment.`,
        { details: { retryAfterSeconds } },
      );
    const exports = this.#exports;
    const id = claim.id;
    const heartbeat = setInterval(
      () => {
        if (this.#clock.now().getTime() - now.getTime() >= limits.lifetimeMilliseconds) {
          void close();
          return;
        }
        // A beat lost to a busy database is made up by the next; after four, the export is swept.
        exports.beat(id, this.#clock.now()).catch(() => {});
      },
      Math.min(limits.heartbeatMilliseconds, limits.lifetimeMilliseconds),
    );
    heartbeat.unref();
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        clearInterval(heartbeat);
        // A claim left behind stops counting when its heartbeat goes stale, and is swept.
        await exports.release(id).catch(() => {});
      })());
    try {
      const total = await exports.fillWithBreakdown(id, breakdown.scope, breakdown.view);
      const first = await exports.page(id, 0, limits.pageRows);
      return {
        rows: pagesOf(exports, id, { total, first, pageRows: limits.pageRows, close }),
        stalledAfterMilliseconds: limits.stalledAfterMilliseconds,
        close,
      };
    } catch (error) {
      await close();
      throw error;
    }
  }

  /** Deletes the exports of processes that died, with their rows (the expired-records job). */
  sweep(): Promise<number> {
    return this.#exports.deleteStale(
      new Date(this.#clock.now().getTime() - this.#limits.staleAfterMilliseconds),
    );
  }
}

const claimCapOf = { user: 'perUser', workspace: 'perWorkspace', app: 'perApp' } as const;

/** The export's rows from its first page on, read by position; the export ends with the last. */
async function* pagesOf(
  exports: ReportExportRepository,
  id: string,
  read: { total: number; first: BreakdownRow[]; pageRows: number; close: () => Promise<void> },
): AsyncGenerator<BreakdownRow> {
  try {
    let page = read.first;
    for (let position = 0; ;) {
      // A page short of what was stored means the export was swept meanwhile (its process was
      // taken for dead): the download must break off, not end as if whole.
      if (page.length !== Math.min(read.pageRows, read.total - position))
        throw new Error(`Export ${id}: its rows are gone after row ${position} of ${read.total}.`);
      yield* page;
      position += page.length;
      if (position >= read.total) return;
      page = await exports.page(id, position, read.pageRows);
    }
  } finally {
    await read.close();
  }
}
