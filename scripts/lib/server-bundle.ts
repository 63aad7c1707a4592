import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
