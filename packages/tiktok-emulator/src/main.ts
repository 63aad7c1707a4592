import { createEmulator } from './create-emulator.js';

// `npm run emulator`: the standalone offline TikTok. Env: TIKTOK_EMULATOR_PORT (default 4010),
// TIKTOK_EMULATOR_HOST (127.0.0.1), TIKTOK_EMULATOR_SCENARIO (default), TIKTOK_EMULATOR_SEED (1),
// PUBLIC_URL (Whathead's URL whose OAuth callback is pre-registered; http://localhost:3000).
const port = Number(process.env.TIKTOK_EMULATOR_PORT ?? 4010);
const host = process.env.TIKTOK_EMULATOR_HOST ?? '127.0.0.1';
const emulator = createEmulator({
  scenario: process.env.TIKTOK_EMULATOR_SCENARIO ?? 'default',
  seed: Number(process.env.TIKTOK_EMULATOR_SEED ?? 1),
  ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
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
