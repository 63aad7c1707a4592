/**
 * Bulk creative upload (issue 13, "done when"): 200 images (half of them the other half's bytes
 * under other names) and 20 videos of 20 to 200 MB, uploaded through Whathead to three ad
 * accounts, then one 500 MB video.
 *
 * How: the emulator and Whathead each run in a process of their own, as `npm start` runs them
 * (Whathead compiled, sharing the emulator already listening on its port), on a throwaway
 * PostgreSQL database. This process is the browser: it signs up, connects Northwind through the
 * API, selects three ad accounts, sends each file to be checked, confirms the file × account
 * batch, and polls the batch as the Media page does.
 *
 * Figures:
 *   - `upload_calls_ratio`: the upload calls the emulator saw from Whathead, over the distinct
 *     (bytes, account) pairs (target 1.00: duplicates and repeats are reused, never sent again).
 *   - `throughput_ratio`: the videos' MB/s from Whathead to the emulator (confirm to the last
 *     upload leaving "uploading", 3 at a time as Whathead's publish jobs send them) over the MB/s
 *     of the same files uploaded straight to the emulator from this process in the same run,
 *     3 at a time, sent as the TikTok client sends them (streamed from disk) (target ≥ 0.8).
 *   - `rss_mb`: Whathead's peak resident memory while a 500 MB video is checked and uploaded
 *     (target ≤ 300), and `rss_mb_run`, its peak over the whole run.
 *
 * Needs PostgreSQL (TEST_DATABASE_URL, DATABASE_URL, or its binaries) and about 6 GB of free disk.
 * MEDIA_BENCH_VIDEOS (20) and MEDIA_BENCH_IMAGES (200) make a smaller run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formStreamingFetch } from '@whathead/tiktok-client';
import { emulatorApp } from '@whathead/tiktok-emulator';
import { sampleImage, sampleVideo } from '../../apps/server/src/testing/media-samples.js';
import { rounded, type Benchmark, type Figures } from '../lib/benchmark.js';
import { secrets } from '../lib/bench-app.js';
import { openBenchPostgres } from '../lib/bench-postgres.js';
import { HttpVisitor } from '../lib/http-visitor.js';
import { freePort } from '../lib/postgres-cluster.js';
import { bundleServer, builtServer, serverNodeFlags } from '../lib/server-bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const businessCenterId = '7100000000000000001';
const tiktokUser = 'alex.admin@example.com';
const accounts = ['7200000000000000011', '7200000000000000012', '7200000000000000013'];
const imageCount = Number(process.env.MEDIA_BENCH_IMAGES ?? 200);
const videoCount = Number(process.env.MEDIA_BENCH_VIDEOS ?? 20);
const megabyte = 1024 * 1024;
const uploadPaths = new Set(['/file/image/ad/upload/', '/file/video/ad/upload/']);
/** As many at once as Whathead's publish-lane upload jobs work. */
const directConcurrency = 3;

interface LocalFile {
  path: string;
  name: string;
  bytes: number;
}

/** Resident memory of a process now and at its peak (Linux's /proc), in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

async function waitFor(url: string, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function startProcess(args: string[], environment: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) console.error(`${args.at(-1)} exited with ${code}`);
  });
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timeout);
}

export const benchmark: Benchmark = {
  description: `${imageCount} images (half duplicates) and ${videoCount} videos of 20–200 MB to 3 ad accounts through Whathead, then a 500 MB video`,
  async run(): Promise<Figures> {
    const folder = mkdtempSync(path.join(tmpdir(), 'whathead-media-bench-'));
    const postgres = await openBenchPostgres('media-upload');
    const [emulatorPort, appPort] = [await freePort(), await freePort()];
    const emulatorUrl = `http://localhost:${emulatorPort}`;
    const baseUrl = `http://localhost:${appPort}`;
    const children: ChildProcess[] = [];
    try {
      console.log('making the files…');
      const files = await makeFiles(folder);
      const emulator = startProcess(
        ['--import', 'tsx', path.join(root, 'packages/tiktok-emulator/src/main.ts')],
        {
          TIKTOK_EMULATOR_PORT: String(emulatorPort),
          TIKTOK_EMULATOR_HOST: 'localhost',
          PUBLIC_URL: baseUrl,
        },
      );
      children.push(emulator);
      await waitFor(`${emulatorUrl}/control/health`);
      await bundleServer();
      const app = startProcess([...serverNodeFlags, builtServer], {
        NODE_ENV: 'test',
        PORT: String(appPort),
        PUBLIC_URL: baseUrl,
        DATABASE_URL: postgres.url,
        TIKTOK_EMULATOR_PORT: String(emulatorPort),
        MEDIA_DIR: path.join(folder, 'store'),
        LOG_LEVEL: 'warn',
        ...secrets,
      });
      children.push(app);
      await waitFor(`${baseUrl}/readyz`);
      const sample = setInterval(() => {
        if (app.pid) peakDuring = Math.max(peakDuring, memoryOf(app.pid).rss);
      }, 100);
      let peakDuring = 0;

      const visitor = await new HttpVisitor(baseUrl, '127.0.0.1').open();
      const workspaceId = await signUpAndConnect(visitor, emulatorUrl);
      const media = `/api/workspaces/${workspaceId}/media`;

      console.log('checking the files…');
      const checkStarted = performance.now();
      const images = await checkAll(visitor, media, files.images);
      const videos = await checkAll(visitor, media, files.videos);
      const checkSeconds = (performance.now() - checkStarted) / 1000;
      const checkedBytes = [...files.images, ...files.videos].reduce((sum, file) => sum + file.bytes, 0);

      const callsBefore = await uploadCalls(emulatorUrl);
      console.log('uploading the images…');
      await finished(visitor, media, await confirm(visitor, media, images, accounts));
      console.log('uploading the videos…');
      const videoStarted = performance.now();
      const videoBatch = await confirm(visitor, media, videos, accounts);
      const sentAt = await finished(visitor, media, videoBatch);
      const throughSeconds = (sentAt - videoStarted) / 1000;
      const whatheadCalls = (await uploadCalls(emulatorUrl)) - callsBefore;
      const distinctPairs =
        (new Set(images.map((file) => file.sha256)).size + videos.length) * accounts.length;
      const videoBytes = files.videos.reduce((sum, file) => sum + file.bytes, 0) * accounts.length;

      console.log('uploading the same videos straight to the emulator…');
      const direct = await uploadDirectly(emulatorUrl, files.videos);

      console.log('a 500 MB video…');
      peakDuring = 0;
      const [large] = await checkAll(visitor, media, [files.large]);
      await finished(visitor, media, await confirm(visitor, media, [large!], [accounts[0]!]));
      const largePeak = peakDuring;
      clearInterval(sample);
      const run = memoryOf(app.pid!);

      const throughMbPerSecond = videoBytes / megabyte / throughSeconds;
      const directMbPerSecond = videoBytes / megabyte / direct.seconds;
      return {
        images: imageCount,
        distinct_images: new Set(images.map((file) => file.sha256)).size,
        videos: videoCount,
        video_gb: rounded(videoBytes / 1024 / megabyte, 2),
        upload_calls: whatheadCalls,
        distinct_pairs: distinctPairs,
        upload_calls_ratio: rounded(whatheadCalls / distinctPairs, 2),
        through_mb_per_s: rounded(throughMbPerSecond, 1),
        direct_mb_per_s: rounded(directMbPerSecond, 1),
        throughput_ratio: rounded(throughMbPerSecond / directMbPerSecond, 2),
        check_mb_per_s: rounded(checkedBytes / megabyte / checkSeconds, 1),
        rss_mb: Math.round(largePeak),
        rss_mb_run: Math.round(run.peak),
        database: postgres.label,
      };
    } finally {
      for (const child of children.reverse()) await stopProcess(child);
      await postgres.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

/** The run's files on disk: images (each distinct one twice, under two names), videos, and one of 500 MB. */
async function makeFiles(folder: string) {
  const write = async (name: string, bytes: Uint8Array): Promise<LocalFile> => {
    const file = path.join(folder, name);
    await writeFile(file, bytes);
    return { path: file, name, bytes: bytes.length };
  };
  const images: LocalFile[] = [];
  for (let index = 0; index < imageCount / 2; index += 1) {
    const bytes = await sampleImage({ width: 1080, height: 1080, format: 'jpeg', seed: index });
    images.push(await write(`image-${index}.jpg`, bytes));
    images.push(await write(`image-${index}-copy.jpg`, bytes));
  }
  const videos: LocalFile[] = [];
  for (let index = 0; index < videoCount; index += 1) {
    const megabytes = videoCount === 1 ? 20 : 20 + Math.round((180 * index) / (videoCount - 1));
    const bytes = sampleVideo({
      width: 1080,
      height: 1920,
      seconds: 60,
      bytesPerSecond: Math.round((megabytes * megabyte) / 60),
      seed: index,
    });
    videos.push(await write(`video-${index}.mp4`, bytes));
  }
  const large = await write(
    'large.mp4',
    sampleVideo({
      width: 1080,
      height: 1920,
      seconds: 120,
      bytesPerSecond: Math.floor((499 * megabyte) / 120),
      seed: 99,
    }),
  );
  return { images, videos, large };
}

async function signUpAndConnect(visitor: HttpVisitor, emulatorUrl: string): Promise<string> {
  const signup = await visitor.post('/api/auth/signup', {
    name: 'Bench Owner',
    email: 'media-bench@example.com',
    password: 'correct horse battery staple',
    workspaceName: 'Media bench',
  });
  if (signup.status !== 201) throw new Error(`sign-up: ${signup.status} ${JSON.stringify(signup.body)}`);
  const workspaceId = (signup.body as { activeWorkspaceId: string }).activeWorkspaceId;
  const started = await visitor.post(`/api/workspaces/${workspaceId}/tiktok/connect`, {});
  const state = new URL((started.body as { authorizationUrl: string }).authorizationUrl).searchParams.get(
    'state',
  )!;
  const issued = await fetch(`${emulatorUrl}/control/authorization-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: tiktokUser, bc_id: businessCenterId }),
  });
  const { auth_code: authCode } = (await issued.json()) as { auth_code: string };
  const callback = await visitor.request(
    'GET',
    `/api/integrations/tiktok/callback?${new URLSearchParams({ auth_code: authCode, code: authCode, state })}`,
  );
  void callback;
  const connections = await visitor.request('GET', `/api/workspaces/${workspaceId}/tiktok/connections`);
  const connection = (connections.body as { connections: { id: string }[] }).connections[0];
  if (!connection) throw new Error(`no connection: ${JSON.stringify(connections.body)}`);
  const saved = await visitor.request(
    'PUT',
    `/api/workspaces/${workspaceId}/tiktok/connections/${connection.id}/accounts`,
    {
      selectedAdvertiserIds: accounts,
      defaultAdvertiserId: accounts[0],
    },
  );
  if (saved.status !== 200) throw new Error(`accounts: ${saved.status} ${JSON.stringify(saved.body)}`);
  return workspaceId;
}

interface Checked {
  sha256: string;
  fileName: string;
}

/** Each file checked by Whathead, three at a time as the Media page sends them. */
async function checkAll(
  visitor: HttpVisitor,
  media: string,
  files: readonly LocalFile[],
): Promise<Checked[]> {
  const checked: Checked[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const response = await visitor.postFile(`${media}/files`, file.path, file.name);
      const body = response.body as Checked & { accepted: boolean; problems: unknown[] };
      if (response.status !== 200 || !body.accepted)
        throw new Error(`${file.name}: ${response.status} ${JSON.stringify(body)}`);
      checked[index] = { sha256: body.sha256, fileName: body.fileName };
    }
  };
  await Promise.all(Array.from({ length: 3 }, worker));
  return checked;
}

async function confirm(
  visitor: HttpVisitor,
  media: string,
  files: readonly Checked[],
  advertiserIds: readonly string[],
): Promise<string> {
  const response = await visitor.post(`${media}/uploads`, { files, advertiserIds });
  if (response.status !== 201)
    throw new Error(`confirm: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body as { batchId: string }).batchId;
}

/**
 * Polls the batch until it ends; answers when its last upload left "uploading" (the bytes were
 * at TikTok), the processing that follows being TikTok's time, not Whathead's.
 */
async function finished(visitor: HttpVisitor, media: string, batchId: string): Promise<number> {
  let sentAt = performance.now();
  for (;;) {
    const response = await visitor.request('GET', `${media}/uploads/${batchId}`);
    const batch = response.body as {
      counts: Record<string, number>;
      uploads: { state: string; error: unknown }[];
    };
    if (batch.counts.queued! + batch.counts.uploading! > 0) sentAt = performance.now();
    if (batch.counts.queued! + batch.counts.uploading! + batch.counts.processing! === 0) {
      const failed = batch.uploads.filter((upload) => upload.state === 'failed');
      if (failed.length > 0) throw new Error(`${failed.length} uploads failed: ${JSON.stringify(failed[0])}`);
      return sentAt;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function uploadCalls(emulatorUrl: string): Promise<number> {
  const response = await fetch(`${emulatorUrl}/control/calls`);
  const { calls } = (await response.json()) as { calls: { path: string }[] };
  return calls.filter((call) => uploadPaths.has(call.path)).length;
}

/** The same videos to the same accounts from here, as any client would upload them, 3 at a time. */
async function uploadDirectly(
  emulatorUrl: string,
  videos: readonly LocalFile[],
): Promise<{ seconds: number }> {
  const issued = await fetch(`${emulatorUrl}/control/authorization-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: tiktokUser, bc_id: businessCenterId }),
  });
  const { auth_code: authCode } = (await issued.json()) as { auth_code: string };
  const exchanged = await fetch(`${emulatorUrl}/open_api/v1.3/oauth2/access_token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: authCode }),
  });
  const token = ((await exchanged.json()) as { data: { access_token: string } }).data.access_token;
  const md5s = videos.map((file) => createHash('md5').update(readFileSync(file.path)).digest('hex'));
  const jobs = accounts.flatMap((advertiserId) =>
    videos.map((file, index) => ({ advertiserId, file, md5: md5s[index]! })),
  );
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      for (;;) {
        const form = new FormData();
        form.set('advertiser_id', job.advertiserId);
        form.set('upload_type', 'UPLOAD_BY_FILE');
        form.set('file_name', `direct-${job.file.name}`);
        form.set('video_signature', job.md5);
        form.set('video_file', await openAsBlob(job.file.path), job.file.name);
        const response = await formStreamingFetch(`${emulatorUrl}/open_api/v1.3/file/video/ad/upload/`, {
          method: 'POST',
          headers: { 'access-token': token },
          body: form,
        });
        const answer = (await response.json()) as { code: number; message: string };
        if (answer.code === 0) break;
        // The emulator's rate limit, shared with nothing else now: wait a moment and send again.
        if (answer.code === 40100) await new Promise((resolve) => setTimeout(resolve, 200));
        else throw new Error(`direct upload: ${answer.code} ${answer.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: directConcurrency }, worker));
  return { seconds: (performance.now() - started) / 1000 };
}
