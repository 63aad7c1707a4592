import type { CallLog } from './control/call-log.js';
import type { FaultInjector } from './faults/fault-injector.js';
import type { RateLimiter } from './limits/rate-limiter.js';
import type { Scenario } from './scenarios/scenario-schema.js';
import type { EmulatorSettings } from './settings.js';
import type { EmulatorClock } from './state/clock.js';
import type { IdGenerator } from './state/id-generator.js';
import type { MediaFiles } from './state/media-files.js';
import type { Store } from './state/store.js';

/** The emulator's mutable world, shared by every route; a scenario load swaps `store` and `ids`. */
export interface EmulatorRuntime {
  store: Store;
  scenario: Scenario;
  seed: number;
  ids: IdGenerator;
  settings: EmulatorSettings;
  clock: EmulatorClock;
  limiter: RateLimiter;
  faults: FaultInjector;
  calls: CallLog;
  /** Where uploads are received and the library's files kept, on disk rather than in memory. */
  files: MediaFiles;
}
