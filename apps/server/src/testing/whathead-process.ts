import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'main.ts');

/** A Whathead process a test started from the sources (`node --import tsx main.ts`). */
export interface WhatheadProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its exit code, or its signal's name when a signal ended it. */
  exited: Promise<number | string>;
  /** Ends it at once (SIGKILL: no shutdown, no clean-up) and waits until it is gone. */
  kill(): Promise<void>;
  /** Asks it to stop (SIGTERM), and kills it when it has not stopped within `seconds`. */
  stop(seconds?: number): Promise<void>;
}

/** Starts main.ts in a process of its own with exactly `environment` (and PATH). */
export function startWhatheadProcess(environment: Record<string, string>): WhatheadProcess {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH ?? '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    output: () => output,
    exited,
    async kill() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop(seconds = 15) {
      if (!gone()) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), seconds * 1000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
