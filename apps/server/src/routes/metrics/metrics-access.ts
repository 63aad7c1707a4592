import { createHash, timingSafeEqual } from 'node:crypto';
import { isLoopbackAddress } from '../../lib/client-address.js';

/** What the access decision reads from a request: its headers and the socket's peer, never X-Forwarded-For. */
export interface MetricsCaller {
  headers: Record<string, string | string[] | undefined>;
  socketAddress: string | undefined;
}

/** The rule one listener applies to /metrics. */
export interface MetricsAccessRule {
  /** METRICS_TOKEN: when set, its bearer may scrape from anywhere, and nobody else may. */
  token: string | undefined;
  /**
   * Whether, without a token, this machine may scrape: true on METRICS_PORT only. PORT is the one
   * a reverse proxy on this machine fronts, and such a proxy connects from loopback for anyone.
   */
  loopbackWithoutToken: boolean;
}

export type MetricsAccess = 'allowed' | 'token_required' | 'token_not_set' | 'remote_refused';

/**
 * Headers a proxy or tunnel adds for the client it serves: a request carrying one came from
 * elsewhere, whatever socket it arrived on. A proxy that adds none (nginx's plain `proxy_pass`,
 * socat, an SSH tunnel) cannot be told apart this way, which is why PORT never serves loopback.
 */
const proxyHeaders = new Set([
  'via',
  'forwarded',
  'x-real-ip',
  'x-client-ip',
  'x-cluster-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-original-forwarded-for',
]);

const isProxyHeader = (name: string) => {
  const lowered = name.toLowerCase();
  return proxyHeaders.has(lowered) || lowered.startsWith('x-forwarded-');
};

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics. With METRICS_TOKEN set, whoever sends `Authorization: Bearer <token>`,
 * from anywhere (and nobody without it, this machine included). Without it, nobody on PORT, and
 * this machine only on METRICS_PORT: the socket's peer must be loopback, read from the socket
 * itself because TRUST_PROXY would let a trusted proxy's X-Forwarded-For speak for the client, and
 * the request must carry no proxy header.
 */
export function metricsAccess(caller: MetricsCaller, rule: MetricsAccessRule): MetricsAccess {
  if (rule.token !== undefined) {
    const sent = /^Bearer +(\S+) *$/i.exec(String(caller.headers.authorization ?? ''))?.[1] ?? '';
    // Digests have one length, so the comparison takes the same time whatever was sent.
    return timingSafeEqual(digest(sent), digest(rule.token)) ? 'allowed' : 'token_required';
  }
  if (!rule.loopbackWithoutToken) return 'token_not_set';
  const proxied = Object.entries(caller.headers).some(
    ([name, value]) => value !== undefined && isProxyHeader(name),
  );
  return isLoopbackAddress(caller.socketAddress) && !proxied ? 'allowed' : 'remote_refused';
}
