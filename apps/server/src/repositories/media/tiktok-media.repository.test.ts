import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { TikTokMediaRepository, type LibraryItem } from './tiktok-media.repository.js';

const northwind = '7200000000000000011';
const bluebird = '7200000000000000012';

const item = (values: Partial<LibraryItem> & Pick<LibraryItem, 'mediaId'>): LibraryItem => ({
  kind: 'video',
  materialId: '7300000000000000001',
  fileName: `${values.mediaId}.mp4`,
  signature: null,
  format: 'mp4',
  width: 1080,
  height: 1920,
  bytes: 12_000_000,
  durationSeconds: 15.5,
  url: null,
  coverUrl: null,
  urlExpiresAt: null,
  displayable: true,
  tiktokCreatedAt: new Date('2026-11-01T10:00:00Z'),
  ...values,
});

describe('the creative library mirror', () => {
  let database: TestDatabase;
  let library: TikTokMediaRepository;
  const workspaces: string[] = [];
  before(async () => {
    database = await createTestDatabase();
    library = new TikTokMediaRepository(database);
    for (const name of ['Media one', 'Media two']) {
      const { rows } = await sql<{ id: string }>`
        insert into workspaces (name) values (${name}) returning id`.execute(database.db);
      workspaces.push(rows[0]!.id);
    }
  });
  after(async () => database?.close());

  it('keeps what TikTok listed, exactly, per workspace and account, and forgets what it stopped listing', async () => {
    const [workspace, other] = [workspaces[0]!, workspaces[1]!];
    const first = new Date('2026-12-01T08:00:00Z');
    const kept = item({
      mediaId: 'v10033g50000cu7s2rvog65n4j7ui4lg',
      signature: 'D41D8CD98F00B204E9800998ECF8427E',
      bytes: 523_000_000_123,
    });
    const image = item({
      kind: 'image',
      mediaId: 'ad-site-i18n-sg/202612015d0d4b2c7a3e41d99c1b0a7e',
      materialId: '7300000000000000002',
      fileName: 'Spring Sale 1x1.png',
      format: 'png',
      width: 1080,
      height: 1080,
      durationSeconds: null,
    });
    await library.upsert(workspace, northwind, [kept, item({ mediaId: 'v-dropped' }), image], first);
    await library.upsert(other, northwind, [item({ mediaId: 'v-other-workspace' })], first);

    const second = new Date('2026-12-01T09:00:00Z');
    await library.upsert(workspace, northwind, [{ ...kept, displayable: false }], second);
    assert.equal(await library.removeUnlisted(workspace, northwind, 'video', second), 1);

    const videos = await library.list(workspace, northwind, { kind: 'video' }, 10);
    assert.deepEqual(videos, [
      { ...kept, signature: 'd41d8cd98f00b204e9800998ecf8427e', displayable: false },
    ]);
    // The image was not re-listed as a video pass ran: it stays.
    assert.deepEqual(await library.list(workspace, northwind, { kind: 'image' }, 10), [image]);
    assert.deepEqual(await library.list(workspace, bluebird, {}, 10), []);
    assert.deepEqual(
      (await library.list(other, northwind, {}, 10)).map((each) => each.mediaId),
      ['v-other-workspace'],
    );
  });

  it('filters by ratio within TikTok’s slack, by name in any case, and by creation date, newest first', async () => {
    const workspace = workspaces[0]!;
    const now = new Date('2026-12-01T10:00:00Z');
    await library.upsert(
      workspace,
      bluebird,
      [
        item({
          mediaId: 'tall',
          fileName: 'Launch TALL cut.mp4',
          tiktokCreatedAt: new Date('2026-11-20T00:00:00Z'),
        }),
        item({
          mediaId: 'nearly-tall',
          width: 1000,
          height: 1850,
          tiktokCreatedAt: new Date('2026-11-25T00:00:00Z'),
        }),
        item({
          mediaId: 'wide',
          width: 1920,
          height: 1080,
          tiktokCreatedAt: new Date('2026-11-10T00:00:00Z'),
        }),
        item({ mediaId: 'undated', tiktokCreatedAt: null }),
      ],
      now,
    );
    const ids = async (filter: Parameters<TikTokMediaRepository['list']>[2]) =>
      (await library.list(workspace, bluebird, filter, 10)).map((each) => each.mediaId);
    assert.deepEqual(await ids({ ratio: 9 / 16 }), ['nearly-tall', 'tall', 'undated']);
    assert.deepEqual(await ids({ ratio: 16 / 9 }), ['wide']);
    assert.deepEqual(await ids({ name: 'tall c' }), ['tall']);
    assert.deepEqual(
      await ids({
        createdFrom: new Date('2026-11-15T00:00:00Z'),
        createdBefore: new Date('2026-11-24T00:00:00Z'),
      }),
      ['tall'],
    );
    assert.deepEqual(await ids({}), ['nearly-tall', 'tall', 'wide', 'undated']);
  });

  it('finds the bytes an account has already by their MD5, in any case', async () => {
    const workspace = workspaces[0]!;
    const found = await library.findBySignatures(workspace, northwind, [
      'D41D8CD98F00B204E9800998ECF8427E',
      '00000000000000000000000000000000',
    ]);
    assert.deepEqual(
      found.map((each) => each.mediaId),
      ['v10033g50000cu7s2rvog65n4j7ui4lg'],
    );
    assert.deepEqual(
      await library.findBySignatures(workspaces[1]!, northwind, ['d41d8cd98f00b204e9800998ecf8427e']),
      [],
    );
  });
});
