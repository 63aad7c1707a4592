import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CampaignRow, CampaignTableResponse, ReportStatusResponse } from '@whathead/contracts';
import type { TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const northwindUs = '7200000000000000011';
const cafeLumen = '7200000000000000021';
const start = Date.parse('2026-11-25T12:00:00Z');
const range = { from: '2026-11-18', to: '2026-11-24' };

// Spend, CPC and cost per conversion are amounts in each account's currency: a table of USD and
// EUR accounts sorted by spend lists each currency's rows together, never 5 EUR between 6 and 4 USD.
describe('the Campaigns table sorted by an amount, over accounts of two currencies', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  before(async () => {
    const began = performance.now();
    kit = await startTikTokTestKit({
      emulator: { clock: { now: () => start + Math.round(performance.now() - began) } },
    });
    owner = await signUpWorkspace(kit.test, 'currencies@example.com');
    for (const [businessCenter, advertiserId] of [
      [scenario.northwind, northwindUs],
      [scenario.bluebird, cafeLumen],
    ] as const) {
      const connectionId = await connect(kit, owner.browser, owner.workspaceId, businessCenter);
      const saved = await owner.browser.request(
        'PUT',
        `${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`,
        { selectedAdvertiserIds: [advertiserId], defaultAdvertiserId: advertiserId },
      );
      assert.equal(saved.status, 200, saved.text);
    }
    for (let attempt = 0; ; attempt += 1) {
      const status = await owner.browser.get<ReportStatusResponse>(
        `/api/workspaces/${owner.workspaceId}/reports/status`,
      );
      const accounts = status.body.accounts;
      const mirrored = await owner.browser.get<CampaignTableResponse>(
        `/api/workspaces/${owner.workspaceId}/campaigns?level=ad`,
      );
      const currencies = new Set(mirrored.body.rows.map((row) => row.currency));
      if (accounts.length === 2 && accounts.every((each) => each.state === 'ready') && currencies.size === 2)
        break;
      assert.ok(attempt < 1200, `the reports and the mirror settle: ${JSON.stringify(accounts)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  after(async () => kit?.close());

  const table = async (query: Record<string, string>) => {
    const response = await owner.browser.get<CampaignTableResponse>(
      `/api/workspaces/${owner.workspaceId}/campaigns?${new URLSearchParams({ level: 'ad', ...range, ...query })}`,
    );
    assert.equal(response.status, 200, response.text);
    return response.body;
  };
  /** Every page, following the cursor. */
  const allPages = async (query: Record<string, string>) => {
    const rows: CampaignRow[] = [];
    for (let after: string | null | undefined; ;) {
      const page = await table({ ...query, limit: '3', ...(after ? { after } : {}) });
      rows.push(...page.rows);
      after = page.nextCursor;
      if (!after) return rows;
    }
  };

  for (const sort of ['spend', 'cpc', 'costPerConversion'] as const)
    for (const direction of ['desc', 'asc'] as const)
      it(`groups the rows by currency, then sorts each group (${sort} ${direction})`, async () => {
        const rows = (await table({ sort, direction, limit: '500' })).rows;
        assert.deepEqual([...new Set(rows.map((row) => row.currency))], ['EUR', 'USD']);
        for (const currency of ['EUR', 'USD']) {
          const values = rows
            .filter((row) => row.currency === currency)
            .map((row) => (row.metrics![sort] === null ? null : Number(row.metrics![sort])));
          const known = values.filter((value): value is number => value !== null);
          const ordered = [...known].sort((left, right) =>
            direction === 'desc' ? right - left : left - right,
          );
          assert.deepEqual(known, ordered, `${currency} in ${direction} order`);
        }
        const paged = await allPages({ sort, direction });
        assert.deepEqual(
          paged.map((row) => row.id),
          rows.map((row) => row.id),
          'page after page, across the currencies, the same rows in the same order',
        );
      });
});
