import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientNetwork, isLoopbackAddress } from './client-address.js';

describe('client network', () => {
  it('keeps IPv4 addresses, also IPv4-mapped ones', () => {
    assert.equal(clientNetwork('203.0.113.7'), '203.0.113.7');
    assert.equal(clientNetwork('::ffff:203.0.113.7'), '203.0.113.7');
  });

  it('counts every address of one IPv6 /56 as one', () => {
    const network = '2001:db8:85a3:1200::/56';
    assert.equal(clientNetwork('2001:db8:85a3:1201::1'), network);
    assert.equal(clientNetwork('2001:0db8:85a3:12ff:ffff:1:2:3'), network);
    assert.equal(clientNetwork('2001:DB8:85A3:1234:0:0:0:99%eth0'), network);
    assert.notEqual(clientNetwork('2001:db8:85a3:1300::1'), network);
    assert.equal(clientNetwork('::1'), '0:0:0:0::/56');
  });

  it('counts anything that is not an address as one network, however it is spelled', () => {
    assert.equal(clientNetwork('unknown'), 'unparseable');
    assert.equal(clientNetwork('x'.repeat(3000)), 'unparseable');
    assert.equal(clientNetwork('203.0.113.7, 10.0.0.1'), 'unparseable');
  });
});

describe('loopback addresses', () => {
  it('are 127.0.0.0/8 and ::1, however written', () => {
    for (const address of ['127.0.0.1', '127.10.0.3', '::ffff:127.0.0.1', '::1', '0:0:0:0:0:0:0:1'])
      assert.equal(isLoopbackAddress(address), true, address);
  });

  it('are nothing else', () => {
    for (const address of [
      '10.0.0.1',
      '::ffff:10.0.0.1',
      '128.0.0.1',
      '::2',
      '::11',
      'fe80::1',
      'localhost',
      '',
    ])
      assert.equal(isLoopbackAddress(address), false, address);
    assert.equal(isLoopbackAddress(undefined), false);
  });
});
