import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Read, write and search for the owner only. */
const ownerOnlyDirectory = 0o700;
const groupAndOther = 0o077;

/**
 * Makes a folder the embedded database and generated secrets can live in: created 0700, and,
 * when an older start left it or anything in it readable by group or others, tightened in place.
 * From here on this process creates files without group or other access (its umask), because
 * PGlite keeps creating files (WAL segments, new relations) for as long as it runs.
 */
export function preparePrivateDirectory(directory: string): void {
  const previous = process.umask(groupAndOther);
  process.umask(previous | groupAndOther);
  mkdirSync(directory, { recursive: true, mode: ownerOnlyDirectory });
  tighten(directory);
}

/**
 * Takes group and other access away from a folder and everything in it. The folder itself may be
 * a link to where the data really is (the link is followed); links inside it are left alone.
 */
export function tighten(entry: string, isRoot = true): void {
  const stats = isRoot ? statSync(entry) : lstatSync(entry);
  if (stats.isSymbolicLink()) return;
  if ((stats.mode & groupAndOther) !== 0) chmodSync(entry, stats.mode & 0o7700);
  if (!stats.isDirectory()) return;
  for (const child of readdirSync(entry)) tighten(path.join(entry, child), false);
}
