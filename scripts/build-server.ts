/**
 * `npm start` compiles the server before running it (scripts/lib/server-bundle.ts): a third of a
 * second, so it is done on every start and can never be stale.
 */
import { bundleServer } from './lib/server-bundle.js';

await bundleServer();
