import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRecordedFetch, envelope } from '../test-support/test-fetch.js';
import { canaryToken, createTestClient } from '../test-support/test-client.js';
import { rejectionOf } from '../test-support/expect-api-error.js';
import { withCallPriority } from '../rate-limit/call-priority-context.js';

const advertiserId = '7200000000000000011';
const campaignPage = (ids: string[]) =>
  envelope({
    list: ids.map((id) => ({ campaign_id: id, campaign_name: `c${id}` })),
    page_info: { page: 1, page_size: 10, total_number: ids.length, total_page: 1 },
  });

test('the token travels in the Access-Token header only; GET parameters are JSON-encoded (reference §0)', async () => {
  const recorded = createRecordedFetch([campaignPage(['1714125042508817'])]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const page = await time.run(() =>
    client.campaigns.get({ accessToken: canaryToken, advertiserId, filtering: { campaignIds: ['1', '2'] } }),
  );
  assert.equal(page.items[0]?.campaignId, '1714125042508817');
  const [request] = recorded.requests;
  assert.equal(request?.headers.get('access-token'), canaryToken);
  assert.ok(!request?.url.href.includes(canaryToken));
  assert.equal(request?.url.pathname, '/open_api/v1.3/campaign/get/');
  assert.equal(request?.url.searchParams.get('filtering'), '{"campaign_ids":["1","2"]}');
});

test('an HTTP 200 with a non-zero code never resolves as success', async () => {
  for (const code of [20001, 40000, 40001, 40002, 40100, 40105, 50000, 61000, 99999]) {
    const recorded = createRecordedFetch([envelope({ campaign_id: '1' }, code, 'nope')]);
    const { client, time } = createTestClient({ fetch: recorded.fetch, retry: { maxAttempts: 1 } });
    const error = await rejectionOf(
      time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
    );
    assert.equal(error.code, code);
    assert.equal(error.httpStatus, 200);
    assert.equal(error.requestId, '202611251200000102452410100E00D348');
    assert.equal(error.endpoint, 'GET /campaign/get/');
  }
});

test('transient failures are retried with backoff, within the attempt bound', async () => {
  const recorded = createRecordedFetch([
    envelope({}, 50000, 'System error.'),
    { status: 502, body: '<html>502 Bad Gateway</html>' },
    new TypeError('fetch failed'),
    campaignPage(['1']),
  ]);
  const { client, time, logger } = createTestClient({ fetch: recorded.fetch });
  const started = time.now();
  const page = await time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId }));
  assert.equal(page.items.length, 1);
  assert.deepEqual(
    logger.events.map((event) => [event.attempt, event.outcome, event.kind]),
    [
      [1, 'failure', 'transient'],
      [2, 'failure', 'transient'],
      [3, 'failure', 'transient'],
      [4, 'success', undefined],
    ],
  );
  // Full jitter at 0.5: 250 + 500 + 1000 ms.
  assert.equal(time.now() - started, 1750);
});

test('retries stop at maxAttempts and the error says how many were made', async () => {
  const recorded = createRecordedFetch([envelope({}, 50002, 'System timeout.')]);
  const { client, time } = createTestClient({ fetch: recorded.fetch, retry: { maxAttempts: 3 } });
  const error = await rejectionOf(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.equal(error.kind, 'transient');
  assert.equal(error.attempts, 3);
  assert.equal(recorded.requests.length, 3);
});

test('retries stop at the total time bound', async () => {
  const recorded = createRecordedFetch([envelope({}, 50000, 'System error.')]);
  const { client, time } = createTestClient({
    fetch: recorded.fetch,
    random: () => 0.999,
    retry: { maxAttempts: 10, maxTotalMilliseconds: 5_000 },
  });
  await rejectionOf(time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })));
  assert.ok(time.now() - Date.UTC(2026, 10, 25, 12) <= 5_000);
  assert.ok(recorded.requests.length < 10);
});

test('what cannot succeed on retry is not retried', async () => {
  const recorded = createRecordedFetch([envelope({}, 40002, 'budget: Missing data for required field.')]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const error = await rejectionOf(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.equal(error.kind, 'invalid_request');
  assert.equal(error.field, 'budget');
  assert.equal(recorded.requests.length, 1);
});

const createInput = {
  accessToken: canaryToken,
  advertiserId,
  name: 'Spring',
  objectiveType: 'TRAFFIC',
  budgetMode: 'BUDGET_MODE_DAY',
  budget: 100,
};

test('a create is never retried blindly after an ambiguous failure', async () => {
  const recorded = createRecordedFetch([
    envelope({}, 50000, 'System error.'),
    envelope({ campaign_id: '1' }),
  ]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const error = await rejectionOf(time.run(() => client.campaigns.create(createInput)));
  assert.equal(error.kind, 'transient');
  assert.equal(recorded.requests.length, 1);
});

test('a create with a request_id is retried, sending the same request_id', async () => {
  const recorded = createRecordedFetch([
    envelope({}, 50000, 'System error.'),
    envelope({ campaign_id: '1714125042508817' }),
  ]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const created = await time.run(() =>
    client.campaigns.create({ ...createInput, idempotency: { requestId: '9223372036854775807' } }),
  );
  assert.equal(created.campaignId, '1714125042508817');
  assert.deepEqual(
    recorded.requests.map((request) => JSON.parse(request.body).request_id),
    ['9223372036854775807', '9223372036854775807'],
  );
});

test('a create with a lookup asks before retrying, and after a 40050 on a retry', async () => {
  let lookups = 0;
  const found = { campaignId: '1714125042508817' };
  const lookup = async () => (++lookups === 2 ? found : undefined);
  const recorded = createRecordedFetch([
    new TypeError('fetch failed'),
    envelope({}, 40050, 'Duplicated request.'),
  ]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const created = await time.run(() =>
    client.campaigns.create({ ...createInput, idempotency: { requestId: '42', lookup } }),
  );
  assert.deepEqual(created, found);
  assert.equal(lookups, 2);
  assert.equal(recorded.requests.length, 2);
});

test('a throttled create was not acted on, so it is retried even without a hook', async () => {
  const recorded = createRecordedFetch([
    envelope({}, 40100, 'App reaches the QPS limit.'),
    envelope({ campaign_id: '5' }),
  ]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  assert.deepEqual(await time.run(() => client.campaigns.create(createInput)), { campaignId: '5' });
});

test('a call that does not answer in time is a transient timeout', async () => {
  const hanging: typeof fetch = (_input, init) =>
    new Promise((_resolve, reject) => {
      if (init?.signal?.aborted) reject(init.signal.reason);
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  const { client, time } = createTestClient({
    fetch: hanging,
    retry: { maxAttempts: 2, timeoutMilliseconds: 10_000 },
  });
  const error = await rejectionOf(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.equal(error.kind, 'transient');
  assert.match(error.message, /no answer within 10000 ms/);
  assert.equal(error.attempts, 2);
});

test('an upload given a longer attempt waits that long, where a read would have timed out', async () => {
  let attemptStarted = 0;
  const answerAfter = 45_000;
  const { client, time } = createTestClient({
    fetch: (_input, init) => {
      attemptStarted = time.now();
      return new Promise((resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        void time
          .sleep(answerAfter)
          .then(() =>
            resolve(new Response(envelope({ image_id: 'ad-site-i18n-sg/big', width: 1080, height: 1080 }))),
          );
      });
    },
    retry: { maxAttempts: 1, timeoutMilliseconds: 30_000 },
  });
  const file = {
    blob: new Blob([new Uint8Array(16)]),
    md5: '4AE71336E44BF9BF79D2752E234818A5',
    fileName: 'big.png',
  };
  const image = await time.run(() =>
    client.images.upload({ accessToken: canaryToken, advertiserId, file, timeoutMilliseconds: 60_000 }),
  );
  assert.equal(image.imageId, 'ad-site-i18n-sg/big');
  assert.equal(time.now() - attemptStarted, answerAfter);
  const timedOut = await rejectionOf(
    time.run(() => client.images.upload({ accessToken: canaryToken, advertiserId, file })),
  );
  assert.match(timedOut.message, /no answer within 30000 ms/);
});

test('the caller cancelling is not turned into a TikTok error', async () => {
  const controller = new AbortController();
  const hanging: typeof fetch = (_input, init) =>
    new Promise((_resolve, reject) => {
      if (init?.signal?.aborted) reject(init.signal.reason);
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  const { client, time } = createTestClient({ fetch: hanging });
  const pending = time.run(() =>
    client.campaigns.get({ accessToken: canaryToken, advertiserId, signal: controller.signal }),
  );
  controller.abort(new Error('user went away'));
  await assert.rejects(pending, /user went away/);
});

test('non-JSON answers: HTML 404/405 pages, junk with 200, edge throttling with 429', async () => {
  const cases = [
    {
      answer: { status: 404, body: '<html><center><h1>404 Not Found</h1></center></html>' },
      kind: 'unexpected_response',
    },
    { answer: { status: 405, body: '<html>405 Not Allowed</html>' }, kind: 'unexpected_response' },
    { answer: { status: 200, body: 'upstream connect error' }, kind: 'unexpected_response' },
    { answer: { status: 429, body: 'Too Many Requests' }, kind: 'rate_limited' },
    { answer: { status: 200, body: '{"code":"0","message":"OK","data":{}}' }, kind: 'unexpected_response' },
  ];
  for (const { answer, kind } of cases) {
    const { client, time } = createTestClient({
      fetch: createRecordedFetch([answer]).fetch,
      retry: { maxAttempts: 1 },
    });
    const error = await rejectionOf(
      time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
    );
    assert.equal(error.kind, kind, answer.body);
    assert.equal(error.httpStatus, answer.status);
  }
});

test('data that does not have the shape we rely on is a parse error naming the endpoint', async () => {
  const recorded = createRecordedFetch([envelope({ list: [{ campaign_name: 'no id' }], page_info: {} })]);
  const { client, time } = createTestClient({ fetch: recorded.fetch });
  const error = await rejectionOf(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
  );
  assert.equal(error.kind, 'unexpected_response');
  assert.match(error.message, /GET \/campaign\/get\/.*data did not match/);
});

test('every attempt is logged with method, path, advertiser, code, request_id, attempt and duration', async () => {
  const recorded = createRecordedFetch([envelope({}, 50000, 'System error.'), campaignPage([])]);
  const { client, time, logger } = createTestClient({ fetch: recorded.fetch });
  await time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId }));
  assert.deepEqual(logger.events[0], {
    method: 'GET',
    path: '/campaign/get/',
    advertiserId,
    lane: 'interactive',
    attempt: 1,
    code: 50000,
    requestId: '202611251200000102452410100E00D348',
    httpStatus: 200,
    durationMilliseconds: 0,
    outcome: 'failure',
    kind: 'transient',
    willRetry: true,
    message: 'System error.',
  });
  assert.equal(logger.events[1]?.outcome, 'success');
});

test('a call names its lane: the one it runs in, or it fails unsent where the app requires one', async () => {
  const recorded = createRecordedFetch([campaignPage([])]);
  const { client, time, logger } = createTestClient({ fetch: recorded.fetch, defaultPriority: null });
  await assert.rejects(
    time.run(() => client.campaigns.get({ accessToken: canaryToken, advertiserId })),
    /names no lane/,
  );
  assert.equal(recorded.requests.length, 0, 'nothing was sent');
  await time.run(() =>
    withCallPriority({ lane: 'sync', tenant: 'workspace-1' }, () =>
      client.campaigns.get({ accessToken: canaryToken, advertiserId }),
    ),
  );
  assert.equal(logger.events[0]?.lane, 'sync');
});
