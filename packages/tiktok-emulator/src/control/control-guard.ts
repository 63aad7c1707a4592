import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { controlPrefix } from './control-routes.js';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined &&
  (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

const hostName = (host: string | undefined): string | undefined => {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
};

function refusal(request: FastifyRequest): { status: number; message: string } | undefined {
  if (!isLoopbackAddress(request.socket.remoteAddress))
    return { status: 403, message: 'The control API answers only callers on this machine.' };
  // A page on another site that this browser has open, or a DNS name rebound to 127.0.0.1, must
  // not reach it either: the Host is a loopback name, and an Origin, when sent, is the emulator's.
  const host = hostName(request.headers.host);
  if (!host || !loopbackHosts.has(host))
    return { status: 403, message: 'The control API answers only requests addressed to localhost.' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host}`)
    return { status: 403, message: `The control API does not answer pages of ${origin}.` };
  const hasBody =
    request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0';
  const json = /^application\/json\s*(;|$)/i.test(request.headers['content-type'] ?? '');
  if ((hasBody || request.headers['transfer-encoding'] !== undefined) && !json)
    return { status: 415, message: 'Send control requests as JSON (Content-Type: application/json).' };
  return undefined;
}

/**
 * The control API can issue authorization codes, list tokens and register redirect URIs, so
 * only this machine's tools and tests may use it: never a form another site posts through the
 * browser of someone running the emulator.
 */
export function guardControlRoutes(app: FastifyInstance): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.routeOptions.url?.startsWith(`${controlPrefix}/`)) return;
    const refused = refusal(request);
    if (refused) return reply.code(refused.status).send({ error: { message: refused.message } });
  });
}
