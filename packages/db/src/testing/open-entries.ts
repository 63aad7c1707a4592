import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file or folder under `root` (itself included) that its group or others may access. */
export function entriesOpenToOthers(root: string): string[] {
  const open: string[] = [];
  const visit = (entry: string) => {
    const stats = lstatSync(entry);
    if (stats.isSymbolicLink()) return;
    if ((stats.mode & 0o077) !== 0)
      open.push(`${path.relative(root, entry) || '.'} ${(stats.mode & 0o777).toString(8)}`);
    if (stats.isDirectory()) for (const child of readdirSync(entry)) visit(path.join(entry, child));
  };
  visit(root);
  return open;
}
