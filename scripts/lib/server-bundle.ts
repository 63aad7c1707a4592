import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Node flags `npm start` runs the compiled server with (package.json's `start` script says
 * them again; server-bundle.test.ts keeps the two the same), so processes the benchmarks start
 * run as production does.
 *   - `--enable-source-maps`: stack traces point into the sources.
 *   - `--max-semi-space-size=8` (MB, V8's default is 16): a sync turns each TikTok page into one
 *     string as it arrives, so its thousand parsed objects die young; a smaller young generation
 *     collects them in shorter pauses, and a pause longer than a booked call's tolerance makes the
 *     call miss its slot in the rate budget (decision 0011: 4 to 7 missed slots a first import
 *     with the default, 1 or 2 with 8 MB, and a smaller resident set).
 *   - `--heap-growing-percent=150`: the old generation may grow to 2.5 times what the last full
 *     collection kept, where V8 would pick up to 4 times. A first import keeps about 60 MB alive
 *     but passes three large strings a page (TikTok's answer, the page's rows, the statement),
 *     which only a full collection frees; with V8's choice the worker peaked at 275 to 335 MB,
 *     with this at 215 to 225 MB, its import no slower (decision 0013).
 */
export const serverNodeFlags = [
  '--enable-source-maps',
  '--max-semi-space-size=8',
  '--heap-growing-percent=150',
] as const;

/** Where `npm start` runs the server from (decision 0011). */
export const builtServer = path.join(root, 'apps/server/dist/main.js');

/**
 * Our own workspaces (TypeScript sources) go into the bundle; every registry package stays an
 * import that Node resolves from node_modules, as it would for the sources.
 */
const registryPackagesExternal: Plugin = {
  name: 'registry-packages-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@whathead/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Compiles a server entry point (and the workspaces it imports) to one JavaScript module under
 * apps/server/dist, so that Node runs it without a TypeScript loader: no second thread compiling
 * modules, about 80 MB less resident memory per process, and a faster start.
 */
export async function bundleServer(
  entry = path.join(root, 'apps/server/src/main.ts'),
  outfile = builtServer,
): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [registryPackagesExternal],
  });
  return outfile;
}
