import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorApp } from '../registered-app.js';
import { callApi, connect, createTestEmulator, ids, alexAccounts } from '../test-support.js';

const credentials = { app_id: emulatorApp.appId, secret: emulatorApp.secret };

test('the token exchange answers a 40-hex token, the authorizable accounts and the numeric scope', async () => {
  const emulator = createTestEmulator();
  const code = emulator.control.issueAuthorizationCode({ email: ids.alex, bcId: ids.northwind });
  const answer = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { ...credentials, auth_code: code },
  });
  assert.equal(answer.code, 0);
  const data = answer.data as Record<string, unknown>;
  assert.match(String(data.access_token), /^[0-9a-f]{40}$/);
  assert.deepEqual(data.advertiser_ids, [
    ids.northwindUs,
    ids.northwindOutlet,
    ids.northwindCanada,
    ids.northwindLegacy,
  ]);
  assert.ok((data.scope as number[]).includes(200));
  assert.ok((data.scope as number[]).every((id) => typeof id === 'number'));
  assert.equal('refresh_token' in data, false, 'long-term tokens carry no refresh token');
});

test('by default a grant is every account the user reaches, with any role, across Business Centers', async () => {
  const emulator = createTestEmulator();
  assert.deepEqual((await connect(emulator, ids.alex)).advertiserIds, alexAccounts);
  // Correction 16: analysts are granted too (Olivia is ANALYST of the Outlet, Wendy of both accounts).
  assert.deepEqual((await connect(emulator, ids.olivia)).advertiserIds, [
    ids.northwindUs,
    ids.northwindOutlet,
  ]);
  assert.deepEqual((await connect(emulator, ids.wendy)).advertiserIds, [ids.cafeLumen, ids.verdeGym]);
  // Correction 14: individually owned accounts, and an empty grant for a member who reaches none.
  assert.deepEqual((await connect(emulator, ids.ivan)).advertiserIds, [ids.ivansBakery, ids.ivansFoodTruck]);
  assert.deepEqual((await connect(emulator, ids.hugo)).advertiserIds, []);
  assert.deepEqual((await connect(emulator, ids.alex, ids.harbor)).advertiserIds, []);
  assert.deepEqual((await connect(emulator, ids.alex, { advertiserIds: [] })).advertiserIds, []);
});

test('a used or expired code is 40101 (correction 17), or 40110 by setting; an unknown one 40110', async () => {
  const emulator = createTestEmulator();
  const code = emulator.control.issueAuthorizationCode({ email: ids.alex, bcId: ids.northwind });
  const body = { ...credentials, auth_code: code };
  assert.equal((await callApi(emulator, 'POST', '/oauth2/access_token/', { body })).code, 0);
  const reused = await callApi(emulator, 'POST', '/oauth2/access_token/', { body });
  assert.equal(reused.code, 40101);
  assert.equal(
    reused.message,
    'Invalid auth_code. Not able to get long-term access_token with an old auth_code.',
  );
  const late = emulator.control.issueAuthorizationCode({ email: ids.alex });
  emulator.control.advanceClock(3_600_000);
  const expired = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { ...credentials, auth_code: late },
  });
  assert.equal(expired.code, 40101);
  assert.deepEqual(expired.data, {});
  const unknown = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { ...credentials, auth_code: 'a'.repeat(40) },
  });
  assert.equal(unknown.code, 40110);
  assert.equal(unknown.message, 'Auth code is invalid, expired or has been used.');
  emulator.control.updateSettings({ staleAuthCodeCode: 40110 });
  const older = await callApi(emulator, 'POST', '/oauth2/access_token/', { body });
  assert.equal(older.code, 40110);
  assert.equal(older.message, 'Auth code is invalid, expired or has been used.');
});

test('a wrong secret is 40101, an unknown app 40113, and neither consumes the code', async () => {
  const emulator = createTestEmulator();
  const code = emulator.control.issueAuthorizationCode({ email: ids.alex, bcId: ids.northwind });
  const wrongSecret = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { ...credentials, secret: 'nope', auth_code: code },
  });
  assert.equal(wrongSecret.code, 40101);
  const unknownApp = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { ...credentials, app_id: '7399999999999999999', auth_code: code },
  });
  assert.equal(unknownApp.code, 40113);
  assert.equal(wrongSecret.message, 'Invalid app_id or secret.');
  assert.equal(
    (await callApi(emulator, 'POST', '/oauth2/access_token/', { body: { ...credentials, auth_code: code } }))
      .code,
    0,
  );
});

test('a missing or non-numeric app_id is a 40002 in marshmallow wording (correction 9)', async () => {
  const emulator = createTestEmulator();
  const missing = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { secret: credentials.secret, auth_code: 'abc' },
  });
  assert.equal(missing.code, 40002);
  assert.equal(missing.message, 'app_id: Missing data for required field.');
  const text = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { ...credentials, app_id: 'whathead', auth_code: 'abc' },
  });
  assert.equal(text.message, 'app_id: Not a valid integer.');
});

test('return_advertiser_ids=false leaves the list out; /oauth2/advertiser/get/ lists it', async () => {
  const emulator = createTestEmulator();
  const code = emulator.control.issueAuthorizationCode({
    email: ids.olivia,
    advertiserIds: [ids.northwindUs],
  });
  const answer = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { ...credentials, auth_code: code, return_advertiser_ids: false, grant_type: 'authorization_code' },
  });
  const data = answer.data as { access_token: string };
  assert.equal('advertiser_ids' in data, false);
  const list = await callApi(emulator, 'GET', '/oauth2/advertiser/get/', {
    token: data.access_token,
    query: credentials,
  });
  assert.deepEqual(list.data, {
    list: [{ advertiser_id: ids.northwindUs, advertiser_name: 'Northwind US' }],
  });
});

test('revoking answers the accounts that lost access, then the token is 40105', async () => {
  const emulator = createTestEmulator();
  const { token } = await connect(emulator, ids.ivan);
  const answer = await callApi(emulator, 'POST', '/oauth2/revoke_token/', {
    body: { ...credentials, access_token: token },
  });
  assert.deepEqual(answer.data, {
    app_id: emulatorApp.appId,
    advertiser_ids: [ids.ivansBakery, ids.ivansFoodTruck],
  });
  const after = await callApi(emulator, 'GET', '/oauth2/advertiser/get/', { token, query: credentials });
  assert.equal(after.code, 40105);
  assert.equal(after.message, 'Access token is incorrect or has been revoked.');
});

test('a missing token is 40104 with TikTok wording; an unknown one 40105', async () => {
  const emulator = createTestEmulator();
  const missing = await callApi(emulator, 'GET', '/oauth2/advertiser/get/', { query: credentials });
  assert.equal(missing.code, 40104);
  assert.equal(
    missing.message,
    'Access token is null, you should set it in http header with key Access-Token.',
  );
  const unknown = await callApi(emulator, 'GET', '/oauth2/advertiser/get/', {
    token: 'f'.repeat(40),
    query: credentials,
  });
  assert.equal(unknown.code, 40105);
});

test('refreshable mode: expiry after expires_in (40102), refresh rotates, long-term refresh is 40107', async () => {
  const emulator = createTestEmulator({ tokenMode: 'refreshable' });
  const code = emulator.control.issueAuthorizationCode({ email: ids.olivia, bcId: ids.northwind });
  const issued = (
    await callApi(emulator, 'POST', '/oauth2/access_token/', { body: { ...credentials, auth_code: code } })
  ).data as {
    access_token: string;
    refresh_token: string;
    expires_in: number;
    refresh_token_expires_in: number;
  };
  assert.equal(issued.expires_in, 86_400);
  assert.equal(issued.refresh_token_expires_in, 31_536_000);
  emulator.control.advanceClock(86_400_000);
  const expired = await callApi(emulator, 'GET', '/oauth2/advertiser/get/', {
    token: issued.access_token,
    query: credentials,
  });
  assert.equal(expired.code, 40102);
  const refreshed = await callApi(emulator, 'POST', '/oauth2/refresh_token/', {
    body: { ...credentials, refresh_token: issued.refresh_token },
  });
  const fresh = refreshed.data as { access_token: string };
  assert.equal(
    (
      await callApi(emulator, 'GET', '/oauth2/advertiser/get/', {
        token: fresh.access_token,
        query: credentials,
      })
    ).code,
    0,
  );
  const reused = await callApi(emulator, 'POST', '/oauth2/refresh_token/', {
    body: { ...credentials, refresh_token: issued.refresh_token },
  });
  assert.equal(reused.code, 40107);
  emulator.control.updateSettings({ tokenMode: 'long_term' });
  const longTerm = await connect(emulator, ids.olivia, ids.northwind);
  const refusal = await callApi(emulator, 'POST', '/oauth2/refresh_token/', {
    body: { ...credentials, refresh_token: longTerm.token },
  });
  assert.equal(refusal.code, 40107);
});

test('a refresh token past its lifetime is 40103', async () => {
  const emulator = createTestEmulator({
    tokenMode: 'refreshable',
    settings: { refreshTokenLifetimeSeconds: 60 },
  });
  const code = emulator.control.issueAuthorizationCode({ email: ids.olivia, bcId: ids.northwind });
  const issued = (
    await callApi(emulator, 'POST', '/oauth2/access_token/', { body: { ...credentials, auth_code: code } })
  ).data as { refresh_token: string };
  emulator.control.advanceClock(60_000);
  const answer = await callApi(emulator, 'POST', '/oauth2/refresh_token/', {
    body: { ...credentials, refresh_token: issued.refresh_token },
  });
  assert.equal(answer.code, 40103);
});

test('a token expired or revoked through the control API answers 40102 / 40105', async () => {
  const emulator = createTestEmulator();
  const first = await connect(emulator, ids.olivia, ids.northwind);
  const second = await connect(emulator, ids.olivia, ids.northwind);
  emulator.control.expireToken(first.token);
  emulator.control.revokeToken(second.token);
  assert.equal(
    (await callApi(emulator, 'GET', '/oauth2/advertiser/get/', { token: first.token, query: credentials }))
      .code,
    40102,
  );
  assert.equal(
    (await callApi(emulator, 'GET', '/oauth2/advertiser/get/', { token: second.token, query: credentials }))
      .code,
    40105,
  );
});

test('a second authorization gives a new token, or under `per_user` the same one with both grants', async () => {
  for (const tokenIssuance of ['per_grant', 'per_user'] as const) {
    const emulator = createTestEmulator({ settings: { tokenIssuance } });
    const exchange = async (bcId: string) => {
      const code = emulator.control.issueAuthorizationCode({ email: ids.alex, bcId });
      const answer = await callApi(emulator, 'POST', '/oauth2/access_token/', {
        body: { ...credentials, auth_code: code },
      });
      return answer.data as { access_token: string; advertiser_ids: string[] };
    };
    const first = await exchange(ids.northwind);
    const second = await exchange(ids.bluebird);
    const advertisers = async (token: string) =>
      (
        (await callApi(emulator, 'GET', '/oauth2/advertiser/get/', { token, query: credentials })).data as {
          list: { advertiser_id: string }[];
        }
      ).list.map((row) => row.advertiser_id);
    if (tokenIssuance === 'per_grant') {
      assert.notEqual(first.access_token, second.access_token);
      assert.ok(!(await advertisers(second.access_token)).includes(ids.northwindUs));
    } else {
      assert.equal(first.access_token, second.access_token);
      const both = await advertisers(second.access_token);
      assert.ok(both.includes(ids.northwindUs) && both.includes(second.advertiser_ids[0]!), both.join());
    }
  }
});
