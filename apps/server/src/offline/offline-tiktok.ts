import { rateLimitTiers } from '@whathead/tiktok-client';
import { createEmulator, emulatorApp, loadScenario } from '@whathead/tiktok-emulator';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { TikTokSettings } from '../lib/tiktok-settings.js';

/**
 * Who to sign in as on the built-in emulator's pages: the first user of the scenario it starts
 * with, an admin of its Business Centers. A published demo account, not a secret.
 */
export function emulatorSignIn(): { email: string; password: string } {
  const [user] = loadScenario('default').users;
  if (!user) throw new Error('The emulator’s default scenario has no user to sign in as.');
  return { email: user.email, password: user.password };
}

async function isEmulator(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/control/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Without a TikTok app configured, Whathead talks to its built-in emulator, with the emulator's
 * app id and secret and Whathead's callback pre-registered. Several Whathead processes on one
 * machine (a web and a worker, or two web processes) share the first one's emulator, so OAuth
 * started on one can finish on another.
 */
export async function startOfflineTikTok(
  config: Config,
  logger: FastifyBaseLogger,
): Promise<{ settings: TikTokSettings; close(): Promise<void> }> {
  const port = config.tiktok.emulatorPort;
  const url = `http://localhost:${port}`;
  const settings: TikTokSettings = {
    mode: 'emulator',
    appId: emulatorApp.appId,
    secret: emulatorApp.secret,
    apiBaseUrl: `${url}/open_api/v1.3`,
    authUrl: `${url}/portal/auth`,
  };
  // The emulator models the tier Whathead is configured for, so the budget meets the same limits.
  const tier = config.tiktok.rateLimits;
  const emulator = createEmulator({
    publicUrl: config.publicUrl,
    settings: { appRateLimit: typeof tier === 'string' ? rateLimitTiers[tier] : tier },
  });
  try {
    const server = await emulator.listen({ port, host: 'localhost' });
    logger.info(
      { emulator: url },
      `TikTok: no TIKTOK_APP_ID set, so the built-in TikTok emulator serves ${url}`,
    );
    return { settings, close: () => server.close() };
  } catch (error) {
    await emulator.close().catch(() => {});
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE' && (await isEmulator(url))) {
      logger.info(
        { emulator: url },
        'TikTok: sharing the built-in emulator another Whathead process started',
      );
      return { settings, close: async () => {} };
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `TIKTOK_EMULATOR_PORT ${port} is taken by another program. Set TIKTOK_EMULATOR_PORT to a free port, ` +
          'or set TIKTOK_APP_ID and TIKTOK_APP_SECRET to use real TikTok.',
        { cause: error },
      );
    }
    throw error;
  }
}
