import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EmulatorSettings } from '../settings.js';
import { callApi, connect, createTestEmulator, ids } from '../test-support.js';

// §6.1 does not list the parents' ids among the attribute metrics; whether TikTok answers them at
// AUCTION_AD is the setting `reportParentIdMetrics`, so each reading is run.

type Row = { dimensions: Record<string, string>; metrics: Record<string, string> };

async function adDays(reading: EmulatorSettings['reportParentIdMetrics'], metrics: string[]) {
  const emulator = createTestEmulator({ settings: { reportParentIdMetrics: reading } });
  const { token } = await connect(emulator, ids.alex, ids.northwind);
  return callApi(emulator, 'GET', '/report/integrated/get/', {
    token,
    query: {
      advertiser_id: ids.northwindUs,
      report_type: 'BASIC',
      data_level: 'AUCTION_AD',
      dimensions: ['ad_id', 'stat_time_day'],
      metrics,
      start_date: '2026-11-18',
      end_date: '2026-11-24',
      page_size: 1000,
    },
  });
}

describe('the parents’ ids as report metrics', () => {
  it('returned: each ad-day row names its campaign and ad group', async () => {
    const answer = await adDays('returned', ['spend', 'campaign_id', 'adgroup_id']);
    assert.equal(answer.code, 0, answer.message);
    const rows = (answer.data as { list: Row[] }).list;
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.match(row.metrics.campaign_id!, /^\d+$/);
      assert.match(row.metrics.adgroup_id!, /^\d+$/);
    }
  });

  it('rejected: asking for them is 40002 naming them, and the same report without them answers', async () => {
    const refused = await adDays('rejected', ['spend', 'campaign_id', 'adgroup_id']);
    assert.equal(refused.code, 40002);
    assert.match(refused.message, /Invalid metric fields: \['campaign_id', 'adgroup_id'\]/);
    const answered = await adDays('rejected', ['spend', 'campaign_name']);
    assert.equal(answered.code, 0, answered.message);
    assert.ok((answered.data as { list: Row[] }).list.length > 0);
  });
});
