import type { VirtualTime } from './virtual-time.js';

/** What the tests need of a Fastify app: `inject` (the emulator's `app`). */
export interface InjectTarget {
  inject(options: {
    method: string;
    url: string;
    headers: Record<string, string>;
    payload?: Buffer;
  }): PromiseLike<{ statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }>;
}

/** A `fetch` that routes into an in-process app, without a port (hono/fastify style tests). */
export function createInjectFetch(app: InjectTarget, time?: VirtualTime): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const payload = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const send = async () => {
      const answer = await app.inject({
        method: request.method,
        url: `${url.pathname}${url.search}`,
        headers: Object.fromEntries(request.headers),
        ...(payload ? { payload } : {}),
      });
      const contentType = answer.headers['content-type'];
      return new Response(new Uint8Array(answer.rawPayload), {
        status: answer.statusCode,
        headers: typeof contentType === 'string' ? { 'content-type': contentType } : {},
      });
    };
    return time ? time.track(send()) : send();
  };
}

/** A real `fetch` over a listening server, counted as in flight for virtual time. */
export function createTrackedFetch(time: VirtualTime): typeof fetch {
  return (input, init) =>
    time.track(
      (async () => {
        const response = await fetch(input, init);
        const body = await response.arrayBuffer();
        return new Response(body, { status: response.status, headers: response.headers });
      })(),
    );
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** A `fetch` that answers recorded bodies in turn and remembers what it was sent. */
export function createRecordedFetch(answers: (string | { status: number; body: string } | Error)[]) {
  const requests: RecordedRequest[] = [];
  let next = 0;
  const fetchRecorded: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: request.body ? await request.text() : '',
    });
    const answer = answers[Math.min(next, answers.length - 1)];
    next += 1;
    if (answer instanceof Error) throw answer;
    const { status, body } =
      typeof answer === 'string' ? { status: 200, body: answer } : (answer ?? { status: 500, body: '' });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetchRecorded, requests };
}

/** Builds TikTok's envelope text (reference §2) around `data`, or raw data JSON text. */
export function envelope(data: unknown, code = 0, message = code === 0 ? 'OK' : 'failed'): string {
  const dataText = typeof data === 'string' ? data : JSON.stringify(data);
  return `{"code":${code},"message":${JSON.stringify(message)},"request_id":"202611251200000102452410100E00D348","data":${dataText}}`;
}
