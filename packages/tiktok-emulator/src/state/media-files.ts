import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The emulator's own directory for uploaded media: `uploads/` holds files while their request is
 * in flight, `media/` the library's files served under /media/. Uploads go to disk, not memory,
 * because a video may be 500 MB (reference §5). The directory is made on the first upload, so an
 * emulator that never receives one leaves nothing behind.
 */
export interface MediaFiles {
  /** Undefined until the first upload. */
  readonly directory: string | undefined;
  /** A fresh path under `uploads/` for a file being received. */
  uploadPath(): string;
  /**
   * Moves an accepted upload into `media/`. Synchronous on purpose: the caller checks the file
   * name is free (40911, correction 7) and stores the record without yielding in between, so two
   * uploads of one name at once cannot both succeed.
   */
  keep(uploadPath: string): string;
  /** Deletes files the library no longer lists (a scenario load or reset replaces the library). */
  forget(paths: Iterable<string>): void;
  /** Removes the whole directory; the emulator is closing. */
  close(): Promise<void>;
}

export function createMediaFiles(): MediaFiles {
  let directory: string | undefined;
  const ensure = (): string => {
    if (!directory) {
      directory = mkdtempSync(path.join(tmpdir(), 'tiktok-emulator-'));
      mkdirSync(path.join(directory, 'uploads'));
      mkdirSync(path.join(directory, 'media'));
      liveDirectories.add(directory);
      installExitHook();
    }
    return directory;
  };
  return {
    get directory() {
      return directory;
    },
    uploadPath: () => path.join(ensure(), 'uploads', randomUUID()),
    keep(uploadPath) {
      const kept = path.join(ensure(), 'media', path.basename(uploadPath));
      renameSync(uploadPath, kept);
      return kept;
    },
    forget(paths) {
      for (const file of paths) rmSync(file, { force: true });
    },
    async close() {
      if (!directory) return;
      const closing = directory;
      directory = undefined;
      liveDirectories.delete(closing);
      await rm(closing, { recursive: true, force: true });
    },
  };
}

// Tests and scripts often end without closing their emulators; one process-wide hook (not one per
// emulator, which would trip Node's listener-leak warning) still removes every directory on exit.
const liveDirectories = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const directory of liveDirectories) rmSync(directory, { recursive: true, force: true });
  });
}
