import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceNonceFor, issueDeviceToken } from './device-token.js';

const secret = 'a secret of at least thirty-two characters';

describe('device tokens', () => {
  it('vouch for the email they were issued for, whatever its case, and nothing else', () => {
    const { token, nonce } = issueDeviceToken(secret, 'Ada@Example.com');
    assert.equal(deviceNonceFor(secret, token, 'ada@example.com'), nonce);
    assert.equal(deviceNonceFor(secret, token, 'eve@example.com'), undefined);
    assert.equal(
      deviceNonceFor('another secret, also long enough to use', token, 'ada@example.com'),
      undefined,
    );
  });

  it('refuse forged, truncated and oversized tokens', () => {
    const { token, nonce } = issueDeviceToken(secret, 'ada@example.com');
    for (const forged of [
      `${nonce}.forged`,
      nonce,
      `${token}.extra`,
      `other.${token.split('.')[1]}`,
      '',
      undefined,
      'x'.repeat(500),
    ])
      assert.equal(deviceNonceFor(secret, forged, 'ada@example.com'), undefined, String(forged));
  });

  it('keep a browser’s nonce when renewed', () => {
    const first = issueDeviceToken(secret, 'ada@example.com');
    assert.equal(issueDeviceToken(secret, 'ada@example.com', first.nonce).token, first.token);
  });
});
