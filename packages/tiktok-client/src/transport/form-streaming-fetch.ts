import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { request } from 'undici';

const encoder = new TextEncoder();
const lineBreak = encoder.encode('\r\n');

/**
 * `fetch`, except that a multipart form (a file upload) is sent as a stream that reads each file
 * only as fast as the socket takes it. Node 20's `fetch` reads a request body ahead of the socket
 * without bound: a 500 MB video sent through it sat whole in memory (decision 0015). undici's
 * `request` waits for the socket to drain before it asks the body for more.
 */
export const formStreamingFetch: typeof globalThis.fetch = async (input, init) => {
  if (!(init?.body instanceof FormData)) return globalThis.fetch(input, init);
  const boundary = `----whathead-${randomUUID()}`;
  const { parts, length } = multipartParts(init.body, boundary);
  const headers = new Headers(init.headers);
  headers.set('content-type', `multipart/form-data; boundary=${boundary}`);
  headers.set('content-length', String(length));
  const body = Readable.from(readParts(parts), { objectMode: false });
  try {
    const response = await request(String(input), {
      method: (init.method ?? 'POST') as 'POST',
      headers: Object.fromEntries(headers),
      body,
      signal: init.signal ?? undefined,
    });
    const text = await response.body.text();
    const answered = new Headers();
    for (const [name, value] of Object.entries(response.headers))
      for (const each of Array.isArray(value) ? value : value === undefined ? [] : [value])
        answered.append(name, each);
    return new Response(text, { status: response.statusCode, headers: answered });
  } catch (error) {
    // As fetch reports a failed exchange: the socket's error (its code) as the cause.
    if (init.signal?.aborted) throw init.signal.reason;
    throw new TypeError('fetch failed', { cause: error });
  } finally {
    // A server may answer before reading the whole file (a refusal): the file's read must end too,
    // or its pending read keeps the process alive.
    body.destroy();
  }
};

/** The form as multipart/form-data (RFC 7578): each field and file, and the body's length. */
function multipartParts(form: FormData, boundary: string): { parts: (Uint8Array | Blob)[]; length: number } {
  const parts: (Uint8Array | Blob)[] = [];
  let length = 0;
  const add = (part: Uint8Array | Blob) => {
    parts.push(part);
    length += part instanceof Blob ? part.size : part.byteLength;
  };
  for (const [name, value] of form) {
    const disposition = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`;
    if (typeof value === 'string') add(encoder.encode(`${disposition}\r\n\r\n${value}\r\n`));
    else {
      add(
        encoder.encode(
          `${disposition}; filename="${escapeName(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`,
        ),
      );
      add(value);
      add(lineBreak);
    }
  }
  add(encoder.encode(`--${boundary}--\r\n`));
  return { parts, length };
}

/** Quotes, line breaks escaped as the HTML standard's form encoding escapes them. */
const escapeName = (name: string) =>
  name.replaceAll('\n', '%0A').replaceAll('\r', '%0D').replaceAll('"', '%22');

async function* readParts(parts: readonly (Uint8Array | Blob)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) {
    if (part instanceof Blob) for await (const chunk of part.stream()) yield chunk;
    else yield part;
  }
}
