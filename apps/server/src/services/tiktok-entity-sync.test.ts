import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from '@whathead/db';
import { withCallPriority } from '@whathead/tiktok-client';
import { connectionsPath, signUpWorkspace } from '../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../testing/tiktok-test-kit.js';
import { deliveryOf } from './tiktok-delivery-status.js';
import { tiktokTime } from './tiktok-entity-mapping.js';

const northwindUs = '7200000000000000011';

describe('the campaign mirror under faults', () => {
  let kit: TikTokTestKit;
  before(async () => {
    kit = await startTikTokTestKit();
  });
  after(async () => kit?.close());

  /** A workspace with Northwind US selected and its connection; its import is not awaited here. */
  async function workspaceWithNorthwind(email: string) {
    const { browser, workspaceId } = await signUpWorkspace(kit.test, email);
    const connectionId = await connect(kit, browser, workspaceId, scenario.northwind);
    const saved = await browser.request('PUT', `${connectionsPath(workspaceId)}/${connectionId}/accounts`, {
      selectedAdvertiserIds: [northwindUs],
      defaultAdvertiserId: northwindUs,
    });
    assert.equal(saved.status, 200, saved.text);
    return workspaceId;
  }

  /** The mirror of a workspace as TikTok's data, without the times of our own writes. */
  const mirrorOf = async (workspaceId: string) =>
    (
      await sql<Record<string, unknown>>`
        select level, entity_id, campaign_id, adgroup_id, name, operation_status, secondary_status,
          delivery, objective, budget_mode, budget::text, bid_strategy, bid::text, optimization_goal,
          placements, schedule_start, schedule_end, targeting, creative, created_at, modified_at, raw,
          campaign_name, campaign_objective, adgroup_name
        from tiktok_entities where workspace_id = ${workspaceId}::uuid
        order by level, entity_id`.execute(kit.test.database.db)
    ).rows;
  /** Waits for the import that choosing the account queued, then runs a pass here, in the sync lane. */
  const sync = async (workspaceId: string) => {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const state = await sql<{ state: string }>`
        select state from tiktok_mirror_accounts
        where workspace_id = ${workspaceId}::uuid and advertiser_id = ${northwindUs}`.execute(
        kit.test.database.db,
      );
      if (state.rows[0] && !['queued', 'importing'].includes(state.rows[0].state)) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return withCallPriority({ lane: 'sync', tenant: workspaceId }, () =>
      kit.test.whathead.services.campaignMirror.syncAccount(workspaceId, northwindUs),
    );
  };

  it('ends equal to a fault-free mirror when a tenth of TikTok’s answers fail', async () => {
    const clean = await workspaceWithNorthwind('faults-clean@example.com');
    await sync(clean);
    const expected = await mirrorOf(clean);
    assert.ok(expected.length > 0);

    // A pass makes a call or two per level here: each level's first call surely fails, and a tenth
    // of the rest may.
    const firstFails = [
      { kind: 'http_503', path: '/campaign/get/' },
      { kind: 'drop_connection', path: '/adgroup/get/' },
      { kind: 'system_error', path: '/ad/get/' },
    ] as const;
    for (const fault of firstFails) kit.emulator.control.addFault({ ...fault, nth: 1 });
    for (const path of ['/campaign/get/', '/adgroup/get/', '/ad/get/']) {
      kit.emulator.control.addFault({ kind: 'http_503', path, probability: 0.05 });
      kit.emulator.control.addFault({ kind: 'drop_connection', path, probability: 0.05 });
    }
    try {
      const faulty = await workspaceWithNorthwind('faults-faulty@example.com');
      // A pass that still fails is retried, as pg-boss would; each pass keeps what it wrote.
      for (let pass = 0; pass < 5; pass += 1) {
        try {
          await sync(faulty);
          break;
        } catch {
          // TikTok failed beyond the client's own retries this time.
        }
      }
      assert.deepEqual(await mirrorOf(faulty), expected);
      const fired = kit.emulator.control.faults().reduce((sum, rule) => sum + rule.fired, 0);
      assert.ok(fired >= firstFails.length, `faults were injected: ${fired}`);
    } finally {
      kit.emulator.control.clearFaults();
    }
  });
});

describe('delivery in words', () => {
  it('follows TikTok’s secondary status, and the operation status when TikTok sent none', () => {
    assert.deepEqual(deliveryOf('campaign', 'ENABLE', 'CAMPAIGN_STATUS_ENABLE'), {
      state: 'active',
      label: 'Active',
      reason: null,
    });
    assert.equal(deliveryOf('ad', 'ENABLE', 'AD_STATUS_DELIVERY_OK').state, 'active');
    assert.equal(deliveryOf('ad', 'DISABLE', 'AD_STATUS_DISABLE').state, 'paused');
    assert.equal(deliveryOf('ad', 'DISABLE', null).state, 'paused');
    assert.equal(deliveryOf('ad', 'ENABLE', null).state, 'active');
    assert.equal(deliveryOf('adgroup', 'DELETE', 'ADGROUP_STATUS_DELETE').state, 'deleted');
    assert.deepEqual(deliveryOf('ad', 'ENABLE', 'AD_STATUS_ADGROUP_DISABLE'), {
      state: 'not_delivering',
      label: 'Not delivering',
      reason: 'Its ad group is turned off.',
    });
    assert.equal(deliveryOf('adgroup', 'ENABLE', 'ADGROUP_STATUS_NOT_START').state, 'scheduled');
    assert.equal(deliveryOf('ad', 'ENABLE', 'AD_STATUS_DONE').state, 'completed');
    assert.match(deliveryOf('ad', 'ENABLE', 'ADVERTISER_CONTRACT_PENDING').reason!, /contract/);
    assert.deepEqual(deliveryOf('ad', 'ENABLE', 'AD_STATUS_SOMETHING_NEW'), {
      state: 'not_delivering',
      label: 'Not delivering',
      reason: 'TikTok says: something new.',
    });
  });

  it('reads TikTok’s UTC times, and nothing from what is not one', () => {
    assert.equal(tiktokTime('2026-03-01 08:30:00')?.toISOString(), '2026-03-01T08:30:00.000Z');
    assert.equal(tiktokTime('soon'), null);
    assert.equal(tiktokTime(undefined), null);
  });
});
