import { readdirSync } from 'node:fs';
import path from 'node:path';

const skipped = new Set(['node_modules', 'dist', '.git', '.whathead', 'reports', 'test-results']);

/** Every `*.test.ts` under the given folders, in a stable order (Node 20's runner does not expand globs). */
export function findTestFiles(root: string, folders: string[]): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (skipped.has(entry.name)) continue;
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts')) found.push(path.relative(root, full));
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return found.sort();
}
