import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { MediaUploadsRepository } from './media-uploads.repository.js';

describe('uploads of originals to ad accounts', () => {
  let database: TestDatabase;
  let uploads: MediaUploadsRepository;
  let workspaceId: string;
  const sha256 = 'b'.repeat(64);
  before(async () => {
    database = await createTestDatabase();
    uploads = new MediaUploadsRepository(database);
    const { rows } = await sql<{ id: string }>`
      insert into workspaces (name) values ('Uploads') returning id`.execute(database.db);
    workspaceId = rows[0]!.id;
    await uploads.saveFile(
      workspaceId,
      {
        sha256,
        md5: 'c'.repeat(32),
        kind: 'image',
        format: 'png',
        bytes: 100,
        width: 10,
        height: 10,
        durationSeconds: null,
        fileName: 'shot.png',
      },
      new Date(),
    );
  });
  after(async () => database?.close());

  it('lets one of two runs claim the same bytes for one account at once; the other waits', async () => {
    // As two batches confirmed at once (a double click, two tabs) each queue the file: their jobs
    // run side by side, and both claiming would upload the bytes twice.
    for (let round = 0; round < 10; round += 1) {
      const advertiserId = String(7_200_000_000_000_000_000n + BigInt(round));
      const ids = [randomUUID(), randomUUID()];
      const now = new Date();
      for (const id of ids)
        await sql`insert into media_uploads (id, workspace_id, batch_id, sha256, advertiser_id,
            file_name, created_at, updated_at)
          values (${id}, ${workspaceId}, ${randomUUID()}, ${sha256}, ${advertiserId}, 'shot.png',
            ${now}, ${now})`.execute(database.db);
      const outcomes = await Promise.all(ids.map((id) => uploads.claim(workspaceId, id, now)));
      assert.deepEqual([...outcomes].sort(), ['busy', 'claimed'], `round ${round}`);
      // The one claimed is taken; the other is still queued, and waits while the first uploads.
      const claimed = ids[outcomes.indexOf('claimed')]!;
      const waiting = ids[outcomes.indexOf('busy')]!;
      assert.equal(await uploads.claim(workspaceId, claimed, now), 'taken');
      assert.equal(await uploads.claim(workspaceId, waiting, now), 'busy');
    }
  });
});
