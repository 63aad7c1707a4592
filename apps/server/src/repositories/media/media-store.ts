import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file as it arrived: where it waits, its hashes, and how many bytes came. */
export interface ReceivedFile {
  path: string;
  sha256: string;
  md5: string;
  bytes: number;
}

/**
 * Uploaded originals on disk under MEDIA_DIR, one file per content (its SHA-256), so the same
 * bytes sent by several people or to several ad accounts are held once. Every process of a
 * deployment shares the folder; a file is written under a temporary name and renamed, so a reader
 * never sees half of one.
 */
export class MediaStore {
  readonly #directory: string;

  constructor(directory: string) {
    this.#directory = directory;
  }

  /**
   * Writes `source` to a temporary file while hashing it, reading it once and never holding it
   * whole. `source` is read to its end (a stream its sender cut short fails here).
   */
  async receive(source: Readable): Promise<ReceivedFile> {
    const incoming = this.#incoming();
    await mkdir(incoming, { recursive: true });
    const target = path.join(incoming, `${randomUUID()}.part`);
    const sha256 = createHash('sha256');
    const md5 = createHash('md5');
    let bytes = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sha256.update(chunk);
        md5.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, hashing, createWriteStream(target, { flags: 'wx' }));
    } catch (error) {
      await rm(target, { force: true });
      throw error;
    }
    return { path: target, sha256: sha256.digest('hex'), md5: md5.digest('hex'), bytes };
  }

  /** Moves a received file to its place by content; if those bytes are there already, drops it. */
  async keep(received: ReceivedFile): Promise<string> {
    const final = this.pathOf(received.sha256);
    await mkdir(path.dirname(final), { recursive: true });
    if (await exists(final)) await rm(received.path, { force: true });
    else await rename(received.path, final);
    return final;
  }

  /** Where the original with this SHA-256 lives: fanned out by its first two hex digits. */
  pathOf(sha256: string): string {
    return path.join(this.#directory, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async discard(file: Pick<ReceivedFile, 'path'>): Promise<void> {
    await rm(file.path, { force: true });
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /**
   * Removes files still arriving that nothing has written to since `before`: what a process that
   * stopped mid-upload left behind (a live upload writes to its file as its bytes come). Answers
   * how many went.
   */
  async removeAbandoned(before: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.#incoming());
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.#incoming(), name);
      const modified = await stat(file).then(
        (facts) => facts.mtime,
        () => undefined,
      );
      if (modified && modified < before) {
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  #incoming(): string {
    return path.join(this.#directory, 'incoming');
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
