/**
 * What a reverse proxy or tunnel adds for the client it serves, one header to a request: each
 * shows a request came from elsewhere, whatever socket it arrived on (RFC 9110 §7.6.3 Via,
 * RFC 7239 Forwarded, and the de facto X-Forwarded-* and client-address headers of nginx,
 * Cloudflare, Akamai and others).
 */
export const proxyHeaderExamples: Record<string, string>[] = [
  { via: '1.1 nginx' },
  { forwarded: 'for=203.0.113.9' },
  { 'x-forwarded-for': '203.0.113.9' },
  { 'x-forwarded-host': 'ads.example.com' },
  { 'x-forwarded-proto': 'https' },
  { 'x-forwarded-port': '443' },
  { 'x-real-ip': '203.0.113.9' },
  { 'x-client-ip': '203.0.113.9' },
  { 'true-client-ip': '203.0.113.9' },
  { 'cf-connecting-ip': '203.0.113.9' },
  { 'x-original-forwarded-for': '203.0.113.9' },
];
