import type { ScryptOptions } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** How much lower than normal (0) the hashing threads run: see workerSource. */
export const hashingThreadNice = 10;

/**
 * The worker's code, plain JavaScript so a worker starts in milliseconds without the TypeScript
 * loader. It lowers its own thread's CPU priority to nice 10 (Linux schedules threads one by one,
 * and a thread's id is the last part of /proc/thread-self): competing with a thread of normal
 * priority for a core, it gets about a tenth of it, so a log-in barely slows, and sign-ups still
 * finish, slowly, on a saturated machine (nice 19 would starve them). Elsewhere it runs at normal
 * priority.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
try {
  const threadId = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(threadId, ${hashingThreadNice});
} catch {}
parentPort.on('message', ({ id, password, salt, keyLength, options }) => {
  try {
    parentPort.postMessage({ id, key: scryptSync(password, salt, keyLength, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
`;

interface Pending {
  resolve(key: Buffer): void;
  reject(error: Error): void;
}

/**
 * scrypt on a few threads of low CPU priority: for hashing that can wait (a new password),
 * while work someone is waiting for (checking a log-in) runs on libuv's threads at normal priority.
 * Each thread hashes one password at a time; callers limit how many they ask for at once.
 */
export class LowPriorityScrypt {
  readonly #threads: number;
  readonly #workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  #nextId = 0;

  constructor(threads: number) {
    this.#threads = Math.max(1, threads);
  }

  derive = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> => {
    const thread = this.#leastBusyThread();
    const id = (this.#nextId += 1);
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, password, salt, keyLength, options });
    });
  };

  async close(): Promise<void> {
    await Promise.all(this.#workers.splice(0).map(({ worker }) => worker.terminate()));
  }

  #leastBusyThread() {
    const idle = this.#workers.find((thread) => thread.pending.size === 0);
    if (idle) return idle;
    if (this.#workers.length < this.#threads) return this.#start();
    return this.#workers.reduce((least, next) => (next.pending.size < least.pending.size ? next : least));
  }

  #start() {
    const worker = new Worker(workerSource, { eval: true, execArgv: [] });
    // Never what keeps a process alive: an idle hashing thread is no reason not to exit.
    worker.unref();
    const thread = { worker, pending: new Map<number, Pending>() };
    worker.on('message', (answer: { id: number; key?: Uint8Array; error?: string }) => {
      const waiting = thread.pending.get(answer.id);
      thread.pending.delete(answer.id);
      if (answer.key) waiting?.resolve(Buffer.from(answer.key));
      else waiting?.reject(new Error(answer.error ?? 'scrypt failed'));
    });
    const fail = (error: Error) => {
      const index = this.#workers.indexOf(thread);
      if (index !== -1) this.#workers.splice(index, 1);
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The hashing thread stopped (exit ${code}).`)));
    this.#workers.push(thread);
    return thread;
  }
}
