import { PassThrough } from 'node:stream';
import type { Publish, PublishState } from '@whathead/contracts';
import { AppError } from '../../errors.js';

/** How soon a browser asks again once a stream ends (a publish that waits or has ended, a shutdown). */
export const retryMilliseconds = 5_000;
/**
 * A stream ends after this long and the browser opens it again (EventSource does): what a session
 * that was logged out, or lost its workspace, still follows is bounded by it.
 */
const lifetimeMilliseconds = 60_000;
/** Proxies drop a connection silent for long: a comment line this often keeps it. */
const heartbeatMilliseconds = 15_000;
/** Open streams per session: a few tabs and dialogs, not a flood. */
const streamsPerSession = 8;

const isRunning = (state: PublishState) => state === 'queued' || state === 'running';

interface OpenStream {
  session: string;
  end(): void;
}

/**
 * The server-sent event streams of publishes open in this process: each sends the publish now and
 * after each change while it runs, and is ended when the publish waits or ends, after its
 * lifetime, when its client goes, or when the process closes (a stream left open would hold the
 * server's close until the browser left).
 */
export class PublishEventStreams {
  readonly #open = new Set<OpenStream>();

  /**
   * Opens one for `session`. `follow` starts following (it reads the publish, so it refuses what
   * the caller may not see) and resolves to its stop; `gone` is the client's connection closing.
   */
  async open(
    session: string,
    follow: (send: (publish: Publish) => void) => Promise<() => void>,
    gone: (listener: () => void) => void,
  ): Promise<PassThrough> {
    if ([...this.#open].filter((stream) => stream.session === session).length >= streamsPerSession)
      throw new AppError(
        'too_many_attempts',
        'Too many publishes are followed at once in this session: close some of the tabs following one.',
        { details: { retryAfterSeconds: retryMilliseconds / 1000 } },
      );
    const events = new PassThrough();
    const open = this.#open;
    let stop = () => {};
    let ended = false;
    const timers: NodeJS.Timeout[] = [];
    const stream: OpenStream = {
      session,
      end() {
        if (ended) return;
        ended = true;
        stop();
        for (const timer of timers) clearTimeout(timer);
        open.delete(stream);
        events.end(`retry: ${retryMilliseconds}\n\n`);
      },
    };
    open.add(stream);
    // Listened for before the first reading: a client gone meanwhile ends the stream at once.
    gone(() => stream.end());
    try {
      stop = await follow((publish) => {
        if (ended) return;
        events.write(`event: publish\ndata: ${JSON.stringify(publish)}\n\n`);
        if (!isRunning(publish.state)) stream.end();
      });
    } catch (error) {
      stream.end();
      throw error;
    }
    if (ended) stop();
    else {
      const heartbeat = setInterval(() => events.write(': still here\n\n'), heartbeatMilliseconds);
      timers.push(
        heartbeat,
        setTimeout(() => stream.end(), lifetimeMilliseconds),
      );
      for (const timer of timers) timer.unref();
    }
    return events;
  }

  /** Ends every open stream: the process is closing. */
  endAll(): void {
    for (const stream of [...this.#open]) stream.end();
  }
}
