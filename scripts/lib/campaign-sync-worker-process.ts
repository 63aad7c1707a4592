import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { WorkerMemory, WorkerSettings } from './campaign-sync-worker.js';
import { bundleServer, serverNodeFlags } from './server-bundle.js';

const workerScript = fileURLToPath(new URL('./campaign-sync-worker.ts', import.meta.url));
/** Compiled as `npm start` compiles the server, so the worker runs as it does in production. */
const compiledWorker = fileURLToPath(
  new URL('../../apps/server/dist/campaign-sync-worker.js', import.meta.url),
);

export interface SyncWorker {
  /** The worker's memory now and at its peak so far. */
  memory(): Promise<WorkerMemory>;
  stop(): Promise<void>;
}

/** Starts the campaign-sync benchmark's worker process and waits until it works jobs. */
export async function startSyncWorker(settings: WorkerSettings): Promise<SyncWorker> {
  await bundleServer(workerScript, compiledWorker);
  const child = spawn(process.execPath, [...serverNodeFlags, compiledWorker], {
    env: { ...process.env, CAMPAIGN_SYNC_WORKER: JSON.stringify(settings) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const next = await Promise.race([lines.next(), exited.then(() => undefined)]);
    if (!next || next.done) throw new Error(`the sync worker exited (${await exited}) before it answered`);
    return next.value;
  };
  const ready = await nextLine();
  if (ready !== 'ready') throw new Error(`the sync worker said ${ready}`);
  return {
    async memory() {
      child.stdin.write('memory\n');
      return JSON.parse(await nextLine()) as WorkerMemory;
    },
    async stop() {
      child.stdin.end('stop\n');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
