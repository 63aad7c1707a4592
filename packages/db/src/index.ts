export {
  openDatabase,
  type Database,
  type DatabaseOptions,
  type Engine,
  type ScriptConnection,
  type ScriptRunner,
} from './database.js';
export { askedKeys, askedPosition, coalescedRead, listsByPosition, refusesAValue } from './coalesced-read.js';
export { compileOnce } from './compile-once.js';
export { jsonListOf } from './json-list.js';
export { DataDirectoryLockedError } from './data-dir-lock.js';
export { preparePrivateDirectory } from './private-directory.js';
export { migrate, readMigrations, migrationsDirectory, type Migration } from './migrate.js';
export * from './schema.js';
export { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
