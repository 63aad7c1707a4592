import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address stands for when counting attempts per address. An IPv4 address is
 * itself (also when written IPv4-mapped, `::ffff:192.0.2.1`); an IPv6 address counts as its /64,
 * because one subscriber is usually given a whole /64 (RFC 6177) and could otherwise take a fresh
 * address for every attempt.
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.replace(/%.*$/, '').toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
