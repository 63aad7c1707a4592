import { createHash, timingSafeEqual } from 'node:crypto';
import { isLoopbackAddress } from '../../lib/client-address.js';

/** What the access decision reads from a request: its headers and the socket's peer, never X-Forwarded-For. */
export interface MetricsCaller {
  headers: Record<string, string | string[] | undefined>;
  socketAddress: string | undefined;
}

export type MetricsAccess = 'allowed' | 'token_required' | 'remote_refused';

/** Headers a proxy adds: a request carrying one came from elsewhere, whatever socket it arrived on. */
const forwardingHeaders = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics. With METRICS_TOKEN set, whoever sends `Authorization: Bearer <token>`,
 * from anywhere (and nobody without it, this machine included). Without it, this machine only:
 * the socket's peer must be loopback, read from the socket itself because TRUST_PROXY would let a
 * trusted proxy's X-Forwarded-For speak for the client, and the request must carry no forwarding
 * header, because a reverse proxy on this machine connects from loopback on behalf of anyone.
 */
export function metricsAccess(caller: MetricsCaller, token: string | undefined): MetricsAccess {
  if (token !== undefined) {
    const sent = /^Bearer +(\S+) *$/i.exec(String(caller.headers.authorization ?? ''))?.[1] ?? '';
    // Digests have one length, so the comparison takes the same time whatever was sent.
    return timingSafeEqual(digest(sent), digest(token)) ? 'allowed' : 'token_required';
  }
  const forwarded = forwardingHeaders.some((name) => caller.headers[name] !== undefined);
  return isLoopbackAddress(caller.socketAddress) && !forwarded ? 'allowed' : 'remote_refused';
}
