import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, testEngine, type TestDatabase } from '@whathead/db/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerErrorHandler } from './error-handler.js';

describe('a statement the database cancelled', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  before(async () => {
    database = await createTestDatabase({ migrated: false });
    app = Fastify();
    registerErrorHandler(app);
    // As the app's pool would cut off a runaway report at its statement limit (SQLSTATE 57014).
    app.get('/runaway', async () =>
      database.transaction(async (connection) => {
        await connection.query("set local statement_timeout = '50ms'");
        return connection.query('select pg_sleep(2)');
      }),
    );
  });
  after(async () => {
    await app?.close();
    await database?.close();
  });

  it(
    'answers busy in plain words, with no stack and no SQL',
    { skip: testEngine() === 'pglite' ? 'PGlite ignores statement_timeout' : false },
    async () => {
      const answer = await app.inject({ method: 'GET', url: '/runaway' });
      assert.equal(answer.statusCode, 503);
      const body = answer.json<{ error: { code: string; message: string } }>();
      assert.equal(body.error.code, 'server_busy');
      assert.match(body.error.message, /took the database too long/);
      assert.doesNotMatch(answer.body, /57014|canceling|pg_sleep|\.ts:\d+/);
    },
  );
});
