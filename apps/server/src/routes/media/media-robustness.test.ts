import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  errorResponseSchema,
  loneSurrogatePattern,
  mediaFileCheckSchema,
  mediaFileNameSchema,
} from '@whathead/contracts';
import { sampleImage } from '../../testing/media-samples.js';
import { RawBody, type BrowserResponse, type TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const northwindUs = '7200000000000000011';

describe('the creative library against careless and hostile clients', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  let mediaDirectory: string;
  before(async () => {
    mediaDirectory = await mkdtemp(path.join(tmpdir(), 'media-robustness-'));
    kit = await startTikTokTestKit({ environment: { MEDIA_DIR: mediaDirectory } });
    owner = await signUpWorkspace(kit.test, 'media-robust@example.com');
    const connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    const saved = await owner.browser.request(
      'PUT',
      `${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`,
      { selectedAdvertiserIds: [northwindUs], defaultAdvertiserId: northwindUs },
    );
    assert.equal(saved.status, 200, saved.text);
  });
  after(async () => {
    await kit?.close();
    await rm(mediaDirectory, { recursive: true, force: true });
  });

  const base = () => `/api/workspaces/${owner.workspaceId}/media`;
  const incoming = () => readdir(path.join(mediaDirectory, 'incoming')).catch(() => []);
  const refusedWith = (response: BrowserResponse, status: number, message: RegExp) => {
    assert.equal(response.status, status, response.text);
    assert.match(errorResponseSchema.parse(response.body).error.message, message);
  };
  /** A multipart body of `parts`, each as its Content-Disposition names it. */
  const form = (parts: { disposition: string; bytes: Uint8Array }[], ending = '--edge--\r\n') =>
    Buffer.concat([
      ...parts.flatMap((part) => [
        Buffer.from(`--edge\r\nContent-Disposition: form-data; ${part.disposition}\r\n`),
        Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
        part.bytes,
        Buffer.from('\r\n'),
      ]),
      Buffer.from(ending),
    ]);

  it('answers a malformed or cut-off upload in its words, never as a failure of ours', async () => {
    const png = await sampleImage({ width: 64, height: 64, format: 'png', seed: 21 });
    const post = (payload: Buffer, contentType: string) =>
      owner.browser.request('POST', `${base()}/files`, new RawBody(payload, contentType));
    const whole = 'multipart/form-data; boundary=edge';
    // A part of bytes without a file name is still a file: checked under a name of its own.
    const nameless = await post(form([{ disposition: 'name="file"', bytes: png }]), whole);
    assert.equal(nameless.status, 200, nameless.text);
    assert.equal(mediaFileCheckSchema.parse(nameless.body).fileName, 'file');

    const file = [{ disposition: 'name="file"; filename="shot.png"', bytes: png }];
    const cutShort = /did not arrive whole/;
    refusedWith(await post(form(file), 'multipart/form-data'), 400, cutShort);
    refusedWith(await post(form(file), 'multipart/form-data; boundary=other'), 400, cutShort);
    refusedWith(await post(form(file, ''), whole), 400, cutShort);
    refusedWith(await post(form(file).subarray(0, 150), whole), 400, cutShort);
    refusedWith(await post(Buffer.from(png), 'application/octet-stream'), 415, /multipart\/form-data/);
    assert.deepEqual(await incoming(), [], 'nothing half-received is left');
    assert.ok(!kit.test.logs.some((line) => line.includes('unexpected error')));
  });

  it('answers each file’s name as one the batch takes back, wherever the file is stored', async () => {
    const names = [
      '../../etc/passwd',
      'C:\\Users\\ana\\Desktop\\shot.png',
      'invoice\u202egnp.exe',
      'line\u2028break\u0000.png',
      `${'x'.repeat(10_000)}.png`,
      `a${'😀'.repeat(60)}.png`,
    ];
    for (const [index, name] of names.entries()) {
      const bytes = await sampleImage({ width: 32, height: 32, format: 'png', seed: 30 + index });
      const response = await owner.browser.postFile(`${base()}/files`, { name, bytes });
      assert.equal(response.status, 200, response.text);
      const { fileName } = mediaFileCheckSchema.parse(response.body);
      assert.ok(mediaFileNameSchema.safeParse(fileName).success, `${JSON.stringify(fileName)} from ${name}`);
      assert.ok(!loneSurrogatePattern.test(fileName), JSON.stringify(fileName));
    }
    // Only originals named by their SHA-256 in folders of its first two digits, and the inbox.
    for (const entry of await readdir(mediaDirectory, { recursive: true }))
      assert.match(entry, /^(incoming|[0-9a-f]{2}|[0-9a-f]{2}\/[0-9a-f]{64})$/);
  });

  it('refuses a forged page cursor, and a batch of a size it cannot queue, as bad input', async () => {
    const cursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const forged of [
      cursor(['|||||', '-271821-04-20T00:00:00.000Z', 'x', 'image']),
      cursor(['|||||', null, 'x\u0000', 'image']),
    ])
      refusedWith(await owner.browser.get(`${base()}?after=${forged}`), 400, /Some fields need attention/);

    // 500 files with long names: more than the app's 64 KB bodies, and what the contract allows.
    const files = Array.from({ length: 500 }, (_, index) => ({
      sha256: index.toString(16).padStart(64, '0'),
      fileName: `Spring sale — 9×16 variant ${index} — final export for the client.mp4`,
    }));
    const many = await owner.browser.post(`${base()}/uploads`, { files, advertiserIds: [northwindUs] });
    refusedWith(many, 404, /has not checked/);
    const accounts = Array.from({ length: 11 }, (_, index) =>
      String(7_200_000_000_000_000_100n + BigInt(index)),
    );
    const matrix = await owner.browser.post(`${base()}/uploads`, { files, advertiserIds: accounts });
    refusedWith(matrix, 400, /Some fields need attention/);
    assert.match(matrix.text, /at most 5,000 files × ad accounts/);
  });

  it('removes files a stopped process left half-received, and keeps one still arriving', async () => {
    const inbox = path.join(mediaDirectory, 'incoming');
    const left = path.join(inbox, 'left-by-a-crash.part');
    const live = path.join(inbox, 'still-arriving.part');
    await writeFile(left, 'half a video');
    await writeFile(live, 'a video on its way');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    await utimes(left, twoDaysAgo, twoDaysAgo);
    const purged = await kit.test.whathead.services.mediaUploadWorker.purge();
    assert.equal(purged.abandoned, 1);
    assert.deepEqual(await incoming(), ['still-arriving.part']);
    await rm(live);
  });
});
