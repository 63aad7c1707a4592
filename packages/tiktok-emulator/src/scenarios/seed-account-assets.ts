import { seedApps } from '../apps/sample-apps.js';
import { seedAudiences } from '../audiences/sample-audiences.js';
import { seedIdentities } from '../identities/sample-identities.js';
import { seedPixels } from '../pixels/sample-pixels.js';
import type { EmulatorRuntime } from '../runtime.js';
import { scenarioAdvertisers } from './scenario-schema.js';

/**
 * What every ad account of a scenario has before any call: its identities, and the pixels, apps
 * and custom audiences the scenario gives it (`sample_pixels`, `sample_apps`, `sample_audiences`),
 * which an ad group and an ad pick from.
 */
export function seedAccountAssets(runtime: EmulatorRuntime): void {
  for (const definition of scenarioAdvertisers(runtime.scenario)) {
    const advertiser = runtime.store.advertisers.get(definition.advertiser_id);
    if (!advertiser) continue;
    seedIdentities(runtime, advertiser);
    seedPixels(runtime, advertiser, definition.sample_pixels);
    seedApps(runtime, advertiser, definition.sample_apps);
    seedAudiences(runtime, advertiser, definition.sample_audiences);
  }
}
