import type { FastifyReply, FastifyRequest } from 'fastify';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * Streams a stored file, whole or one byte range (RFC 9110 §14): TikTok's CDN answers ranges, and a
 * browser's <video> asks for them to seek. The file is opened before any header is sent, so a file
 * gone missing answers 404 rather than a broken 200.
 */
export async function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { path: string; mimeType: string },
): Promise<FastifyReply> {
  const handle = await open(file.path, 'r').catch(() => undefined);
  if (!handle) return reply.code(404).type('text/plain').send('Not found');
  const { size } = await handle.stat();
  const rangeHeader = request.headers.range;
  const range = rangeHeader ? parseRange(rangeHeader, size) : undefined;
  reply.header('accept-ranges', 'bytes');
  if (range === 'unsatisfiable') {
    await handle.close();
    return reply.code(416).header('content-range', `bytes */${size}`).send();
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  if (range) reply.code(206).header('content-range', `bytes ${start}-${end}/${size}`);
  reply.type(file.mimeType).header('content-length', end - start + 1);
  // Nothing to read for a HEAD (Fastify would drain a file stream to discard it; an empty stream
  // keeps the length set above), nor for an empty file, which has no byte to start a stream at.
  if (request.method === 'HEAD' || size === 0) {
    await handle.close();
    return reply.send(Readable.from([]));
  }
  return reply.send(handle.createReadStream({ start, end }));
}

/** One `bytes=` range; several ranges, or a malformed header, are answered with the whole file. */
function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined; // Invalid, so ignored (RFC 9110 §14.1.1).
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}
