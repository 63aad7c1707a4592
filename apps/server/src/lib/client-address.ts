import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address stands for when counting attempts per address. An IPv4 address is
 * itself (also when written IPv4-mapped, `::ffff:192.0.2.1`). An IPv6 address counts as its /56:
 * one subscriber is usually given a /56 or a /48 (RFC 6177), 256 or 65,536 /64s, and could
 * otherwise take a fresh network for every attempt. Anything that is not an address (a forged
 * forwarding header) is one network of its own, so inventing addresses gains nothing.
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unparseable';
  const [head = '', tail] = address.replace(/%.*$/, '').toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  const [first, second, third, fourth = '0'] = groups.map((group) => group.padStart(4, '0'));
  const prefix = [first, second, third, `${fourth.slice(0, 2)}00`].map((group) =>
    group!.replace(/^0+(?=.)/, ''),
  );
  return `${prefix.join(':')}::/56`;
}
