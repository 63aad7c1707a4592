import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { formStreamingFetch } from './form-streaming-fetch.js';

/** A server that answers with what it received: the content type, the length it was told, the bytes. */
async function echoServer() {
  const received: { type: string; length: string; body: Buffer }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        type: String(request.headers['content-type']),
        length: String(request.headers['content-length']),
        body: Buffer.concat(chunks),
      });
      response.setHeader('x-answer', 'yes');
      response.end('{"code":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/upload`, received, close: () => server.close() };
}

test('a form is sent as multipart/form-data with its exact length, fields and file bytes intact', async () => {
  const server = await echoServer();
  try {
    const file = new Uint8Array(300_000).map((_, index) => index % 251);
    const form = new FormData();
    form.set('advertiser_id', '7200000000000000011');
    form.set('video_file', new Blob([file], { type: 'video/mp4' }), 'a "quoted"\nname.mp4');
    const response = await formStreamingFetch(server.url, { method: 'POST', body: form });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '{"code":0}');
    assert.equal(response.headers.get('x-answer'), 'yes');

    const [sent] = server.received;
    const boundary = /boundary=(.+)$/.exec(sent!.type)![1]!;
    assert.equal(Number(sent!.length), sent!.body.length);
    const text = sent!.body.toString('latin1');
    assert.ok(text.endsWith(`--${boundary}--\r\n`));
    assert.match(text, /name="advertiser_id"\r\n\r\n7200000000000000011\r\n/);
    // A quote or line break in a file name cannot break out of its header.
    assert.match(text, /filename="a %22quoted%22%0Aname\.mp4"\r\nContent-Type: video\/mp4\r\n\r\n/);
    const start = sent!.body.indexOf('\r\n\r\n', text.indexOf('filename=')) + 4;
    assert.deepEqual(new Uint8Array(sent!.body.subarray(start, start + file.length)), file);
  } finally {
    server.close();
  }
});

test('a file is read through its own stream, so a reader counting its bytes sees them all', async () => {
  const server = await echoServer();
  try {
    let counted = 0;
    const source = new Blob([new Uint8Array(1_000_000)]);
    const form = new FormData();
    form.set(
      'image_file',
      new (class extends File {
        constructor() {
          super([], 'counted.png');
          Object.defineProperty(this, 'size', { value: source.size });
        }
        override stream() {
          return source.stream().pipeThrough(
            new TransformStream<Uint8Array, Uint8Array>({
              transform(chunk, controller) {
                counted += chunk.byteLength;
                controller.enqueue(chunk);
              },
            }),
          );
        }
      })(),
    );
    await formStreamingFetch(server.url, { method: 'POST', body: form });
    assert.equal(counted, 1_000_000);
    assert.ok(server.received[0]!.body.length > 1_000_000);
  } finally {
    server.close();
  }
});

test('a refused connection fails as fetch fails, with the socket error as its cause', async () => {
  const form = new FormData();
  form.set('field', 'value');
  await assert.rejects(
    formStreamingFetch('http://127.0.0.1:9/none', { method: 'POST', body: form }),
    (error) => {
      assert.ok(error instanceof TypeError);
      assert.equal((error.cause as { code?: string }).code, 'ECONNREFUSED');
      return true;
    },
  );
});
