import { createTikTokClient, type TikTokClientOptions } from '../create-tiktok-client.js';
import { createRateLimiter } from '../rate-limit/rate-limiter.js';
import { createRecordingLogger } from './recording-logger.js';
import { createVirtualTime, type VirtualTime } from './virtual-time.js';

/** The canary: a token that must never show up in a log line or an error (issue 4 "Done when"). */
export const canaryToken = 'canary-token-7f3a9c1e5b2d4f6a8c0e1b3d5f7a9c1e3b5d7f9a';
export const testSecret = 'test-secret-0e1d2c3b4a5968778695a4b3c2d1e0f';

/** A client on virtual time with a recording logger; jitter fixed at the midpoint. */
export function createTestClient(
  options: Partial<TikTokClientOptions> & { fetch: typeof fetch; time?: VirtualTime },
) {
  const time = options.time ?? createVirtualTime();
  const logger = createRecordingLogger();
  const client = createTikTokClient({
    baseUrl: 'https://business-api.tiktok.com/open_api/v1.3',
    appId: '7300000000000000001',
    secret: testSecret,
    clock: time,
    logger,
    random: () => 0.5,
    limiter: createRateLimiter({ clock: time }),
    ...options,
  });
  return { client, time, logger };
}
