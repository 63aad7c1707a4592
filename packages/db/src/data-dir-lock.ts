import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirectoryLockedError extends Error {
  constructor(directory: string, pid: number) {
    super(
      `The data directory ${directory} is in use by another Whathead process (pid ${pid}). ` +
        'Stop that process first, point WHATHEAD_DATA_DIR at another folder, or set DATABASE_URL ' +
        'to run several processes on one PostgreSQL server.',
    );
    this.name = 'DataDirectoryLockedError';
  }
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the lock.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Directories this process holds: a restarted container often gets the same pid back (1), so
 * "the pid in the lock file is us" cannot tell a stale lock from a second open in this process. */
const heldHere = new Set<string>();

/**
 * PGlite takes no lock on its files, and two processes writing one data directory corrupt it
 * (stack-notes §3), so the directory is guarded by a pid file created with O_EXCL. A lock left
 * by a process that no longer runs is taken over.
 */
export function lockDataDirectory(directory: string): { release(): void } {
  mkdirSync(directory, { recursive: true });
  const lockPath = path.join(directory, 'whathead.lock');
  if (heldHere.has(lockPath)) throw new DataDirectoryLockedError(directory, process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const descriptor = openSync(lockPath, 'wx', 0o600);
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      heldHere.add(lockPath);
      return {
        release: () => {
          heldHere.delete(lockPath);
          rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new DataDirectoryLockedError(directory, holder);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${directory}.`);
}
