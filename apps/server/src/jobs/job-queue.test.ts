import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openDatabase, type Database } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import pino from 'pino';
import { z } from 'zod';
import { defineJob } from './job.js';
import { JobQueue } from './job-queue.js';

const logger = pino({ level: 'silent' });

describe('job queue', () => {
  let database: TestDatabase;
  /** The web process's own handle on the database (PostgreSQL); PGlite has one process. */
  let webDatabase: Database;

  before(async () => {
    database = await createTestDatabase();
    webDatabase = database.url ? await openDatabase({ engine: 'postgres', url: database.url }) : database;
  });
  after(async () => {
    if (webDatabase !== database) await webDatabase.close();
    await database.close();
  });

  it('a job sent by a web process starts in a worker at once, not when the worker next polls', async () => {
    let started: (payload: { label: string }) => void = () => {};
    const ran = new Promise<{ label: string }>((resolve) => (started = resolve));
    const definition = defineJob({
      name: 'wake-test',
      payload: z.object({ label: z.string() }),
      retry: { limit: 0, delaySeconds: 1, backoff: false },
      lane: 'publish',
      async run(payload) {
        started(payload);
        return {};
      },
    });
    // The worker polls once as it starts, then not for ten minutes: only the announcement of the
    // sent job can wake it within the test's run.
    const worker = await JobQueue.start({
      database,
      definitions: [definition],
      work: true,
      logger,
      pollingIntervalSeconds: 600,
    });
    const web = await JobQueue.start({
      database: webDatabase,
      definitions: [definition],
      work: false,
      logger,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await web.send(definition, { label: 'published' });
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the worker was not woken')), 30_000).unref(),
      );
      assert.deepEqual(await Promise.race([ran, timeout]), { label: 'published' });
    } finally {
      await web.stop();
      await worker.stop();
    }
  });
});
