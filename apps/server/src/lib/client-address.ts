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

/**
 * Whether a socket's peer is this machine: 127.0.0.0/8 and ::1, also IPv4-mapped
 * (`::ffff:127.0.0.1`, how a dual-stack socket reports an IPv4 peer).
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const ipv4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (ipv4 && isIPv4(ipv4)) return ipv4.startsWith('127.');
  // ::1 however spelled: only zero groups (or `::`) before a last group of 1.
  return isIPv6(address) && /^(0{0,4}:){2,7}0{0,3}1$/.test(address);
}
