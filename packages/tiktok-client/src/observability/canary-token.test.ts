import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeErrorForLogs } from '../test-support/recording-logger.js';
import { everyEndpointCall } from '../test-support/every-endpoint-call.js';
import { canaryToken, createTestClient, testSecret } from '../test-support/test-client.js';

/** The worst TikTok could do: echo the token and the secret in its error message. */
const echoing =
  (status: number): typeof fetch =>
  async (_input, init) => {
    const headers = new Headers(init?.headers);
    const token = headers.get('access-token') ?? canaryToken;
    const body =
      status === 200
        ? JSON.stringify({
            code: 40105,
            message: `Access token ${token} (secret ${testSecret}) is incorrect`,
            request_id: 'r',
            data: {},
          })
        : `<html>gateway saw ${token}</html>`;
    return new Response(body, { status });
  };

const networkFailure: typeof fetch = async () => {
  throw new TypeError(`fetch failed for https://x/?secret=${testSecret}&token=${canaryToken}`);
};

test('the canary token and the secret never appear in a log line or an error, for any endpoint', async () => {
  for (const fetchAnswer of [echoing(200), echoing(503), networkFailure]) {
    const { client, time, logger } = createTestClient({ fetch: fetchAnswer, retry: { maxAttempts: 2 } });
    const calls = everyEndpointCall(client, canaryToken);
    for (const [name, call] of Object.entries(calls)) {
      // Revoking answers "already revoked" on 40105, so it resolves; every other call fails.
      const error = await time.run(call).then(
        () => (name === 'revokeAccessToken' ? undefined : assert.fail(`${name} resolved`)),
        (failure: unknown) => failure,
      );
      const text = describeErrorForLogs(error);
      assert.ok(!text.includes(canaryToken), `${name}: token in error`);
      assert.ok(!text.includes(testSecret), `${name}: secret in error`);
    }
    const lines = logger.lines().join('\n');
    assert.ok(logger.events.length >= Object.keys(calls).length);
    assert.ok(!lines.includes(canaryToken) && !lines.includes(testSecret));
  }
});
