import { createEmulator } from './create-emulator.js';
import type { SettingsPatch } from './settings.js';

// `npm run emulator`: the standalone offline TikTok. Env: TIKTOK_EMULATOR_PORT (default 4010),
// TIKTOK_EMULATOR_HOST (127.0.0.1), TIKTOK_EMULATOR_SCENARIO (default), TIKTOK_EMULATOR_SEED (1),
// PUBLIC_URL (Whathead's URL whose OAuth callback is pre-registered; http://localhost:3000),
// TIKTOK_EMULATOR_RATE_LIMITS (the app's limits as second/minute/day; default 10/600/864000) and
// TIKTOK_EMULATOR_RATE_WINDOWS (calendar or sliding; default calendar).
const port = Number(process.env.TIKTOK_EMULATOR_PORT ?? 4010);
const settings: SettingsPatch = {};
const limits = process.env.TIKTOK_EMULATOR_RATE_LIMITS;
if (limits) {
  const [perSecond, perMinute, perDay] = limits.split('/').map(Number);
  if (![perSecond, perMinute, perDay].every((value) => Number.isInteger(value) && value! > 0)) {
    process.stderr.write(
      `TIKTOK_EMULATOR_RATE_LIMITS="${limits}": use second/minute/day, such as 20/1200/1728000\n`,
    );
    process.exit(1);
  }
  settings.appRateLimit = { perSecond: perSecond!, perMinute: perMinute!, perDay: perDay! };
}
const windows = process.env.TIKTOK_EMULATOR_RATE_WINDOWS;
if (windows) {
  if (windows !== 'calendar' && windows !== 'sliding') {
    process.stderr.write(`TIKTOK_EMULATOR_RATE_WINDOWS="${windows}": use calendar or sliding\n`);
    process.exit(1);
  }
  settings.rateWindows = windows;
}
const host = process.env.TIKTOK_EMULATOR_HOST ?? '127.0.0.1';
const emulator = createEmulator({
  scenario: process.env.TIKTOK_EMULATOR_SCENARIO ?? 'default',
  seed: Number(process.env.TIKTOK_EMULATOR_SEED ?? 1),
  ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
  settings,
  logger: true,
});
const server = await emulator.listen({ port, host });
emulator.app.log.info(
  `TikTok emulator on ${server.url} (API ${server.url}/open_api/v1.3/, pages ${server.url}/portal/auth)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
