import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TikTokApiError } from '../errors/tiktok-api-error.js';
import { everyEndpointCall } from '../test-support/every-endpoint-call.js';
import { canaryToken, createTestClient } from '../test-support/test-client.js';

const envelopeLike = fc.record(
  {
    code: fc.oneof(fc.constant(0), fc.integer({ min: -1, max: 70_000 }), fc.string(), fc.constant(null)),
    message: fc.oneof(fc.string(), fc.constant(null)),
    request_id: fc.oneof(fc.string(), fc.integer()),
    data: fc.oneof(
      fc.jsonValue(),
      fc.record({ list: fc.array(fc.jsonValue(), { maxLength: 3 }), page_info: fc.jsonValue() }),
    ),
  },
  { requiredKeys: [] },
);

const bodies = fc.oneof(
  envelopeLike.map((value) => JSON.stringify(value)),
  fc.json(),
  fc.string(),
  fc.constant('<html><h1>502 Bad Gateway</h1></html>'),
  fc
    .bigInt(-(2n ** 70n), 2n ** 70n)
    .map((id) => `{"code":0,"message":"OK","request_id":"r","data":{"campaign_id":${id}}}`),
);

const endpointNames = Object.keys(everyEndpointCall(createTestClient({ fetch }).client, canaryToken));

test('property: whatever TikTok answers, a call resolves or fails with a TikTokApiError naming the endpoint', async () => {
  await fc.assert(
    fc.asyncProperty(
      bodies,
      fc.constantFrom(200, 200, 200, 404, 429, 500, 503),
      fc.constantFrom(...endpointNames),
      async (body, status, endpoint) => {
        const answer: typeof fetch = async () => new Response(body, { status });
        const { client, time } = createTestClient({ fetch: answer, retry: { maxAttempts: 2 } });
        try {
          await time.run(() => everyEndpointCall(client, canaryToken)[endpoint]!());
        } catch (error) {
          assert.ok(TikTokApiError.isInstance(error), `${endpoint} threw ${String(error)}`);
          assert.match(error.message, /^TikTok (GET|POST) \/[a-z0-9_/]+\/ failed/);
          assert.ok(!error.message.includes(canaryToken));
        }
      },
    ),
    { numRuns: 300 },
  );
});
