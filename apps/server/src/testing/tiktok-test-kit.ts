import { createEmulator, emulatorApp, type Emulator, type EmulatorOptions } from '@whathead/tiktok-emulator';
import type { TestDatabase } from '@whathead/db/testing';
import { createTestApp, type TestApp, type TestBrowser } from './test-app.js';
import { deliverCallback, emulatorSettings, startConnect } from './tiktok-flow.js';

/** The default scenario's ids (packages/tiktok-emulator README). */
export const scenario = {
  northwind: '7100000000000000001',
  bluebird: '7100000000000000002',
  harbor: '7100000000000000003',
  alex: 'alex.admin@example.com',
};

export interface TikTokTestKit {
  test: TestApp;
  emulator: Emulator;
  tiktokBaseUrl: string;
  close(): Promise<void>;
}

/** The app wired to an in-process emulator listening on a free port, as production is to TikTok. */
export async function startTikTokTestKit(
  options: {
    emulator?: EmulatorOptions;
    environment?: Record<string, string>;
    database?: TestDatabase;
    listen?: boolean;
  } = {},
): Promise<TikTokTestKit> {
  // The emulator's default registered redirect is PUBLIC_URL's callback; the test app's is localhost:3000.
  const emulator = createEmulator({ publicUrl: 'http://localhost:3000', ...options.emulator });
  const { url, close } = await emulator.listen({ port: 0 });
  const test = await createTestApp(options.environment ?? {}, {
    tiktok: emulatorSettings(url, emulatorApp),
    ...(options.database ? { database: options.database } : {}),
    ...(options.listen ? { listen: true } : {}),
  });
  return {
    test,
    emulator,
    tiktokBaseUrl: `${url}/open_api/v1.3`,
    async close() {
      await test.close();
      await close();
    },
  };
}

/** The whole flow without a browser: start, TikTok's consent (by the control API), callback. */
export async function connect(
  kit: TikTokTestKit,
  browser: TestBrowser,
  workspaceId: string,
  businessCenterId: string,
  options: { reconnectConnectionId?: string; scope?: number[]; email?: string } = {},
): Promise<string> {
  const { state } = await startConnect(browser, workspaceId, options.reconnectConnectionId);
  const authCode = kit.emulator.control.issueAuthorizationCode({
    email: options.email ?? scenario.alex,
    bcId: businessCenterId,
    ...(options.scope ? { scope: options.scope } : {}),
  });
  return deliverCallback(browser, state, authCode, { workspaceId, groupKey: businessCenterId });
}
