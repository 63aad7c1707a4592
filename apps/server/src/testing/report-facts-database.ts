import { after, before } from 'node:test';
import { sql } from '@whathead/db';
import { createTestDatabase, type TestDatabase } from '@whathead/db/testing';
import { TikTokReportFactsRepository } from '../repositories/tiktok-report-facts.repository.js';

/**
 * A test database holding one workspace, with the report facts repository over it: opened before
 * the suite's tests and closed after them. Its fields are set once the suite starts.
 */
export function reportFactsDatabase(workspaceName: string) {
  const fixture = {} as { database: TestDatabase; facts: TikTokReportFactsRepository; workspaceId: string };
  before(async () => {
    fixture.database = await createTestDatabase();
    fixture.facts = new TikTokReportFactsRepository(fixture.database);
    const { rows } = await sql<{ id: string }>`
      insert into workspaces (name) values (${workspaceName}) returning id`.execute(fixture.database.db);
    fixture.workspaceId = rows[0]!.id;
  });
  after(async () => fixture.database?.close());
  return fixture;
}
