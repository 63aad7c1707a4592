import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  campaignActionResponseSchema,
  campaignActionResultSchema,
  campaignChangesResponseSchema,
  campaignSyncResponseSchema,
  campaignTableResponseSchema,
  type CampaignRow,
  type CampaignSyncResponse,
} from '@whathead/contracts';
import type { TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, listConnections, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

const northwindUs = '7200000000000000011';
/** Not eligible for API access (the emulator's default scenario). */
const northwindLegacy = '7200000000000000014';
const northwindOutlet = '7200000000000000012';
const twoTo53 = 2n ** 53n;

describe('the campaign mirror and its table', () => {
  let kit: TikTokTestKit;
  let owner: { browser: TestBrowser; workspaceId: string };
  let connectionId: string;
  let token: string;
  before(async () => {
    kit = await startTikTokTestKit();
    owner = await signUpWorkspace(kit.test, 'mirror-owner@example.com');
    connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    token = kit.emulator.control.tokens().at(-1)!.access_token;
  });
  after(async () => kit?.close());

  const base = () => `/api/workspaces/${owner.workspaceId}/campaigns`;
  /** TikTok calls of the campaigns' own, not of the report sync that runs beside them. */
  // Writes only: a sync queued by an earlier step may read TikTok at any moment (a sent job starts
  // at once), and what a refused edit must not do is write.
  const campaignWrites = () => kit.emulator.control.calls().filter((call) => call.method === 'POST').length;
  const syncOf = async (): Promise<CampaignSyncResponse> => {
    const response = await owner.browser.get(`${base()}/sync`);
    assert.equal(response.status, 200, response.text);
    return campaignSyncResponseSchema.parse(response.body);
  };
  /** Waits, as the page does, until no selected account is queued or importing. */
  const settled = async (): Promise<CampaignSyncResponse> => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const sync = await syncOf();
      if (sync.accounts.every((account) => account.state !== 'queued' && account.state !== 'importing'))
        return sync;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the sync did not settle: ${JSON.stringify(await syncOf())}`);
  };
  const table = async (query: Record<string, string> = {}) => {
    const response = await owner.browser.get(`${base()}?${new URLSearchParams(query)}`);
    assert.equal(response.status, 200, response.text);
    return campaignTableResponseSchema.parse(response.body);
  };
  /** Every row of a view, page after page. */
  const allRows = async (query: Record<string, string>): Promise<CampaignRow[]> => {
    const rows: CampaignRow[] = [];
    let after: string | null = null;
    do {
      const page = await table({ ...query, ...(after ? { after } : {}) });
      rows.push(...page.rows);
      after = page.nextCursor;
    } while (after);
    return rows;
  };
  /**
   * A call to the emulator as TikTok, as someone working in Ads Manager would change things. It
   * shares the emulator's app limit with Whathead's own calls, so a 40100 waits and tries again.
   */
  const atTikTok = async (path: string, body: object) => {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(`${kit.tiktokBaseUrl}${path}`, {
        method: 'POST',
        headers: { 'access-token': token, 'content-type': 'application/json' },
        body: JSON.stringify({ advertiser_id: northwindUs, ...body }),
      });
      const answer = (await response.json()) as { code: number; message: string };
      if (answer.code === 40100 && attempt < 10) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      assert.equal(answer.code, 0, answer.message);
      return;
    }
  };
  const readAtTikTok = async (path: string) => {
    const url = new URL(`${kit.tiktokBaseUrl}${path}`);
    url.searchParams.set('advertiser_id', northwindUs);
    url.searchParams.set('page_size', '1000');
    url.searchParams.set('filtering', JSON.stringify({ primary_status: 'STATUS_ALL' }));
    let text = '';
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // Ids are compared as text: JSON.parse would round them.
      text = await (await fetch(url, { headers: { 'access-token': token } })).text();
      if (!text.includes('"code":40100')) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.match(text, /"code":\s*0/);
    return [...text.matchAll(/"(campaign|adgroup|ad)_id":\s*"?(\d+)"?/g)].map((match) => match[2]!);
  };

  it('imports a newly selected account in the background, with every id exact', async () => {
    const saved = await owner.browser.request(
      'PUT',
      `${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`,
      {
        selectedAdvertiserIds: [northwindUs],
        defaultAdvertiserId: northwindUs,
      },
    );
    assert.equal(saved.status, 200, saved.text);
    const sync = await settled();
    const account = sync.accounts.find((each) => each.advertiserId === northwindUs)!;
    assert.equal(account.state, 'ready', JSON.stringify(account));
    assert.equal(account.name, 'Northwind US');
    assert.ok(account.lastSyncedAt);
    assert.deepEqual([sync.imported, sync.importing], [1, 1]);

    const campaigns = await allRows({ level: 'campaign' });
    const adGroups = await allRows({ level: 'adgroup' });
    const ads = await allRows({ level: 'ad' });
    assert.deepEqual(
      [campaigns.length, adGroups.length, ads.length],
      [account.campaigns, account.adGroups, account.ads],
    );
    assert.ok(campaigns.length > 0 && adGroups.length > 0 && ads.length > 0);
    const tiktokCampaignIds = new Set(await readAtTikTok('/campaign/get/'));
    assert.deepEqual(
      new Set(campaigns.map((row) => row.id)),
      tiktokCampaignIds,
      'the same ids, digit for digit',
    );
    // TikTok's 19-digit advertiser ids are beyond 2^53 (its entity ids have 16 digits, reference §10).
    assert.ok(BigInt(northwindUs) > twoTo53);
    assert.ok([...campaigns, ...adGroups, ...ads].every((row) => row.advertiserId === northwindUs));
    const ad = ads[0]!;
    assert.equal(ad.accountName, 'Northwind US');
    assert.equal(ad.currency, 'USD');
    assert.ok(ad.campaignName && ad.adGroupName, 'an ad names its campaign and ad group');
    assert.equal(ad.readOnly, false);
    const adGroup = adGroups[0]!;
    assert.ok(adGroup.targeting, 'an ad group summarises its targeting');
  });

  it('pages through a view with no row twice and none missed, in the order asked', async () => {
    const whole = await allRows({ level: 'ad', sort: 'name', direction: 'asc', limit: '500' });
    const paged = await allRows({ level: 'ad', sort: 'name', direction: 'asc', limit: '1' });
    assert.deepEqual(
      paged.map((row) => row.id),
      whole.map((row) => row.id),
    );
    const names = whole.map((row) => row.name.toLowerCase());
    assert.deepEqual(names, [...names].sort());
  });

  it('sorts by budget with "No limit" last, page after page', async () => {
    const rows = await allRows({ level: 'adgroup', sort: 'budget', direction: 'asc', limit: '1' });
    assert.ok(rows.length > 1);
    const budgets = rows.map((row) => (row.budget === null ? Infinity : Number(row.budget)));
    assert.deepEqual(
      budgets,
      [...budgets].sort((a, b) => a - b),
    );
    const campaigns = await allRows({ level: 'campaign', sort: 'budget', direction: 'desc', limit: '1' });
    assert.equal(new Set(campaigns.map((row) => row.id)).size, campaigns.length, 'no row twice');
  });

  it('finds rows by part of a name, by an id or its first digits, and narrows to chosen campaigns', async () => {
    const [campaign] = (await table({ level: 'campaign' })).rows;
    const byId = await table({ level: 'campaign', q: campaign!.id });
    assert.deepEqual(
      byId.rows.map((row) => row.id),
      [campaign!.id],
    );
    const byPrefix = await allRows({ level: 'campaign', q: campaign!.id.slice(0, 12) });
    assert.ok(byPrefix.some((row) => row.id === campaign!.id));
    assert.ok(byPrefix.every((row) => row.id.startsWith(campaign!.id.slice(0, 12))));
    const part = campaign!.name.slice(1, 5).toUpperCase();
    assert.ok((await table({ level: 'campaign', q: part })).rows.some((row) => row.id === campaign!.id));
    assert.deepEqual((await table({ level: 'campaign', q: '100%_nothing' })).rows, []);
    const under = await allRows({ level: 'ad', campaigns: campaign!.id });
    assert.ok(under.length > 0);
    assert.ok(under.every((row) => row.campaignId === campaign!.id));
  });

  const changeStatus = async (body: object) => {
    const response = await owner.browser.post(`${base()}/status`, body);
    assert.equal(response.status, 200, response.text);
    return campaignActionResponseSchema.parse(response.body).results;
  };

  it('turns off three ads at once, recording who did it with TikTok’s request id', async () => {
    const live = (await allRows({ level: 'ad' })).filter((row) => row.delivery.state === 'active');
    assert.ok(live.length >= 3, `three live ads: ${live.length}`);
    const targets = live.slice(0, 3).map((row) => ({ advertiserId: row.advertiserId, id: row.id }));
    const results = await changeStatus({ level: 'ad', operation: 'DISABLE', targets });
    assert.deepEqual(
      results.map((result) => [result.id, result.outcome, result.message, result.row?.delivery.state]),
      targets.map((target) => [target.id, 'changed', 'Turned off.', 'paused']),
    );
    for (const target of targets) {
      const history = await owner.browser.get(`${base()}/ad/${target.advertiserId}/${target.id}/changes`);
      assert.equal(history.status, 200, history.text);
      const [change, ...older] = campaignChangesResponseSchema.parse(history.body).changes;
      assert.deepEqual(older, []);
      assert.deepEqual(
        [change!.field, change!.before, change!.after, change!.actor?.email],
        ['status', 'ENABLE', 'DISABLE', 'mirror-owner@example.com'],
      );
      assert.ok(change!.tiktokRequestId, 'TikTok’s request id is kept');
    }

    const again = await changeStatus({ level: 'ad', operation: 'DISABLE', targets: targets.slice(0, 1) });
    assert.deepEqual([again[0]!.outcome, again[0]!.message], ['skipped', 'Already off.']);
    const unknown = await changeStatus({
      level: 'ad',
      operation: 'DISABLE',
      targets: [{ advertiserId: northwindUs, id: '1234567890123456' }],
    });
    assert.equal(unknown[0]!.outcome, 'skipped');
  });

  it('never overwrites the status someone set at TikTok since the user saw it, without asking', async () => {
    const [campaign] = (await allRows({ level: 'campaign' })).filter(
      (row) => row.operationStatus === 'ENABLE',
    );
    assert.ok(campaign);
    // A rename at TikTok is not what Turn off writes: it goes through.
    await atTikTok('/campaign/update/', {
      campaign_id: campaign.id,
      campaign_name: 'Renamed in Ads Manager',
    });
    const target = { advertiserId: campaign.advertiserId, id: campaign.id };
    const [paused] = await changeStatus({ level: 'campaign', operation: 'DISABLE', targets: [target] });
    assert.equal(paused!.outcome, 'changed');
    assert.equal(paused!.row!.name, 'Renamed in Ads Manager');

    // Turned on again at TikTok after the user saw it off: Delete is a conflict until confirmed.
    await atTikTok('/campaign/status/update/', { campaign_ids: [campaign.id], operation_status: 'ENABLE' });
    const seenOff = { ...target, seen: { operationStatus: 'DISABLE' } };
    const [conflict] = await changeStatus({ level: 'campaign', operation: 'DELETE', targets: [seenOff] });
    assert.equal(conflict!.outcome, 'conflict');
    assert.equal(
      conflict!.row!.operationStatus,
      'ENABLE',
      'the row shows how it stands at TikTok; nothing sent',
    );
    // Applied anyway: sent again as seen in the dialog, TikTok's value then. Changed at TikTok
    // once more since, it is a conflict again; a replay of the old request is one too.
    const seenOn = { ...target, seen: { operationStatus: 'ENABLE' } };
    await atTikTok('/campaign/status/update/', { campaign_ids: [campaign.id], operation_status: 'DISABLE' });
    const [again] = await changeStatus({ level: 'campaign', operation: 'DELETE', targets: [seenOn] });
    assert.equal(again!.outcome, 'conflict', 'only over the value the dialog showed');
    await atTikTok('/campaign/status/update/', { campaign_ids: [campaign.id], operation_status: 'ENABLE' });
    const [applied] = await changeStatus({ level: 'campaign', operation: 'DISABLE', targets: [seenOn] });
    assert.equal(applied!.outcome, 'changed');
    assert.equal(applied!.row!.delivery.state, 'paused');
    // The history says what TikTok had just before (read again then), not the mirror's older copy.
    const history = await owner.browser.get(
      `${base()}/campaign/${campaign.advertiserId}/${campaign.id}/changes`,
    );
    const [newest] = campaignChangesResponseSchema.parse(history.body).changes;
    assert.deepEqual([newest!.field, newest!.before, newest!.after], ['status', 'ENABLE', 'DISABLE']);
    const overwrite = await owner.browser.post(`${base()}/status`, {
      level: 'campaign',
      operation: 'DISABLE',
      targets: [seenOff],
      overwrite: true,
    });
    assert.equal(overwrite.status, 400, 'no flag overwrites whatever TikTok holds');
  });

  const edit = (row: CampaignRow, body: object) =>
    owner.browser.request('PATCH', `${base()}/${row.level}/${row.advertiserId}/${row.id}`, body);

  it('raises an ad group’s budget and renames a campaign, at TikTok and in the table', async () => {
    const [adGroup] = (await allRows({ level: 'adgroup' })).filter(
      (row) => row.budgetMode === 'BUDGET_MODE_DAY',
    );
    assert.ok(adGroup, 'a daily-budget ad group');
    const raised = Number(adGroup.budget) + 25;
    const saved = await edit(adGroup, { budget: raised });
    assert.equal(saved.status, 200, saved.text);
    const result = campaignActionResultSchema.parse(saved.body);
    assert.equal(result.outcome, 'changed');
    assert.equal(Number(result.row!.budget), raised);
    const [campaign] = await allRows({ level: 'campaign' });
    const renamed = campaignActionResultSchema.parse(
      (await edit(campaign!, { name: 'Spring sale · US' })).body,
    );
    assert.equal(renamed.row!.name, 'Spring sale · US');
    // Its ad groups and ads name it as it is now, and keep its objective.
    const children = [
      ...(await allRows({ level: 'adgroup', campaigns: campaign!.id })),
      ...(await allRows({ level: 'ad', campaigns: campaign!.id })),
    ];
    assert.ok(children.length > 0, 'the campaign has ad groups and ads');
    assert.deepEqual(
      new Set(children.map((row) => [row.campaignName, row.objective].join(' / '))),
      new Set([`Spring sale · US / ${campaign!.objective}`]),
    );
    const history = campaignChangesResponseSchema.parse(
      (await owner.browser.get(`${base()}/campaign/${campaign!.advertiserId}/${campaign!.id}/changes`)).body,
    );
    const [newest] = history.changes;
    assert.deepEqual(
      [newest!.field, newest!.before, newest!.after],
      ['name', campaign!.name, 'Spring sale · US'],
    );
  });

  it('refuses a budget under TikTok’s minimum, and a name TikTok would refuse, before any call', async () => {
    const [adGroup] = (await allRows({ level: 'adgroup' })).filter(
      (row) => row.budgetMode === 'BUDGET_MODE_DAY',
    );
    const writes = campaignWrites();
    const low = await edit(adGroup!, { budget: 5 });
    assert.equal(low.status, 400, low.text);
    assert.match(low.text, /at least 20\.00 USD a day/);
    const emoji = await edit(adGroup!, { name: 'Big sale 🔥' });
    assert.equal(emoji.status, 400, emoji.text);
    assert.match(emoji.text, /emoji/);
    const long = await edit(adGroup!, { name: 'x'.repeat(513) });
    assert.equal(long.status, 400, long.text);
    assert.equal(campaignWrites(), writes, 'nothing was sent to TikTok');
  });

  it('lets no two edits of one row pass each other, and sends nothing when nothing changes', async () => {
    const [adGroup] = (await allRows({ level: 'adgroup' })).filter(
      (row) => row.budgetMode === 'BUDGET_MODE_DAY',
    );
    const calls = () =>
      kit.emulator.control.calls().filter((call) => call.path === '/adgroup/update/').length;
    const updatesBefore = calls();
    const same = campaignActionResultSchema.parse(
      (await edit(adGroup!, { budget: Number(adGroup!.budget) })).body,
    );
    assert.deepEqual(
      [same.outcome, same.message],
      ['skipped', 'Nothing to change: TikTok already has these values.'],
    );
    assert.equal(calls(), updatesBefore, 'no update was sent');

    const answers = await Promise.all([
      edit(adGroup!, { name: 'Racer one' }),
      edit(adGroup!, { name: 'Racer two' }),
    ]);
    const outcomes = answers.map((answer) =>
      answer.status === 200 ? campaignActionResultSchema.parse(answer.body).outcome : answer.status,
    );
    assert.equal(outcomes.filter((outcome) => outcome === 'changed').length, 1, JSON.stringify(outcomes));
    assert.ok(outcomes.includes(409) || outcomes.includes('conflict'), JSON.stringify(outcomes));
    assert.equal(calls(), updatesBefore + 1, 'one rename reached TikTok');
  });

  it('lets no edit from another workspace sharing the ad account pass one under way', async () => {
    const agency = await signUpWorkspace(kit.test, 'mirror-agency@example.com');
    const agencyConnection = await connect(kit, agency.browser, agency.workspaceId, scenario.northwind);
    const selected = await agency.browser.request(
      'PUT',
      `${connectionsPath(agency.workspaceId)}/${agencyConnection}/accounts`,
      { selectedAdvertiserIds: [northwindUs], defaultAdvertiserId: northwindUs },
    );
    assert.equal(selected.status, 200, selected.text);
    const agencyBase = `/api/workspaces/${agency.workspaceId}/campaigns`;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const sync = campaignSyncResponseSchema.parse((await agency.browser.get(`${agencyBase}/sync`)).body);
      if (sync.accounts.every((account) => account.state === 'ready')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Not the ad group the other tests edit: the agency's write may win, and this mirror not see it.
    const daily = (await allRows({ level: 'adgroup' })).filter((row) => row.budgetMode === 'BUDGET_MODE_DAY');
    assert.ok(daily.length >= 2, `two daily-budget ad groups: ${daily.length}`);
    const adGroup = daily.at(-1);
    const shown = { budget: adGroup!.budget };
    // TikTok takes its time over the first update: both edits are under way at once.
    kit.emulator.control.addFault({ kind: 'latency', latencyMilliseconds: 400, path: '/adgroup/update/' });
    try {
      const answers = await Promise.all([
        edit(adGroup!, { budget: Number(shown.budget) + 7, seen: shown }),
        agency.browser.request('PATCH', `${agencyBase}/adgroup/${adGroup!.advertiserId}/${adGroup!.id}`, {
          budget: Number(shown.budget) + 9,
          seen: shown,
        }),
      ]);
      const outcomes = answers.map((answer) =>
        answer.status === 200 ? campaignActionResultSchema.parse(answer.body).outcome : answer.status,
      );
      assert.equal(outcomes.filter((outcome) => outcome === 'changed').length, 1, JSON.stringify(outcomes));
      assert.ok(outcomes.includes(409) || outcomes.includes('conflict'), JSON.stringify(outcomes));
    } finally {
      kit.emulator.control.clearFaults();
    }
  });

  it('treats an edit from a tab that saw an older value as a conflict, whoever changed it', async () => {
    const [adGroup] = (await allRows({ level: 'adgroup' })).filter(
      (row) => row.budgetMode === 'BUDGET_MODE_DAY',
    );
    const shown = adGroup!.budget;
    const first = campaignActionResultSchema.parse(
      (await edit(adGroup!, { budget: Number(shown) + 1, seen: { budget: shown } })).body,
    );
    assert.equal(first.outcome, 'changed');
    // The second tab still shows the old budget.
    const stale = campaignActionResultSchema.parse(
      (await edit(adGroup!, { budget: Number(shown) + 2, seen: { budget: shown } })).body,
    );
    assert.equal(stale.outcome, 'conflict');
    assert.equal(Number(stale.row!.budget), Number(shown) + 1, 'the row shows the first tab’s budget');
    // A rename at TikTok does not block a budget the user saw right.
    await atTikTok('/adgroup/update/', { adgroup_id: adGroup!.id, adgroup_name: 'Renamed elsewhere' });
    const budget = campaignActionResultSchema.parse(
      (await edit(adGroup!, { budget: Number(shown) + 3, seen: { budget: stale.row!.budget } })).body,
    );
    assert.equal(budget.outcome, 'changed');
  });

  it('answers TikTok being down during an edit as TikTok’s failure, not Whathead’s', async () => {
    const [campaign] = await allRows({ level: 'campaign' });
    const fault = kit.emulator.control.addFault({ kind: 'http_503', path: '/campaign/get/' });
    try {
      const answer = await edit(campaign!, { name: 'While TikTok is down' });
      assert.equal(answer.status, 502, answer.text);
      assert.match(answer.text, /tiktok_unavailable/);
    } finally {
      kit.emulator.control.removeFault(fault.id);
    }
  });

  it('refuses a cursor from another view, or one Whathead never wrote, in plain words', async () => {
    const first = await table({ level: 'ad', sort: 'name', direction: 'asc', limit: '1' });
    const cursor = (parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const after of [
      first.nextCursor!,
      cursor(['x', 'y', 'z']),
      cursor(['modified', 'desc', '', '2026-02-30 00:00:00+00', '1', '1']),
      cursor(['budget', 'desc', '', '1e1000000', '1', '1']),
      cursor(['name', 'asc', '', 'a\u0000b', '1', '1']),
    ]) {
      const answer = await owner.browser.get(`${base()}?level=ad&sort=modified&after=${after}`);
      assert.equal(answer.status, 400, `${after}: ${answer.text}`);
      assert.match(answer.text, /out of date/);
    }
    // A page of one range's figures does not continue another range's.
    const week = {
      level: 'ad',
      sort: 'name',
      direction: 'asc',
      limit: '1',
      from: '2026-11-18',
      to: '2026-11-24',
    };
    const ranged = await table(week);
    assert.ok(ranged.nextCursor);
    const same = await owner.browser.get(
      `${base()}?${new URLSearchParams({ ...week, after: ranged.nextCursor })}`,
    );
    assert.equal(same.status, 200, same.text);
    const otherRange = await owner.browser.get(
      `${base()}?${new URLSearchParams({ ...week, from: '2026-11-01', to: '2026-11-07', after: ranged.nextCursor })}`,
    );
    assert.equal(otherRange.status, 400, otherRange.text);
    assert.match(otherRange.text, /out of date/);
  });

  it('sees changes made at TikTok: an ad turned off, a campaign turned off, a campaign deleted', async () => {
    const campaigns = await allRows({ level: 'campaign', sort: 'name', direction: 'asc' });
    const [first, second] = campaigns;
    assert.ok(first && second, 'the sample account has two campaigns');
    const [ad] = await allRows({ level: 'ad', campaigns: second.id });
    await atTikTok('/ad/status/update/', { ad_ids: [ad!.id], operation_status: 'DISABLE' });
    await atTikTok('/campaign/status/update/', { campaign_ids: [first.id], operation_status: 'DISABLE' });

    const refreshed = await owner.browser.post(`${base()}/refresh`);
    assert.equal(refreshed.status, 202, refreshed.text);
    await settled();
    const ads = await allRows({ level: 'ad', status: 'all' });
    assert.equal(ads.find((row) => row.id === ad!.id)!.delivery.state, 'paused');
    const underFirst = await allRows({ level: 'adgroup', campaigns: first.id });
    assert.ok(underFirst.length > 0);
    for (const row of underFirst)
      assert.deepEqual(row.delivery, {
        state: 'not_delivering',
        label: 'Not delivering',
        reason: 'Its campaign is turned off.',
      });

    await atTikTok('/campaign/status/update/', { campaign_ids: [second.id], operation_status: 'DELETE' });
    await owner.browser.post(`${base()}/refresh`);
    await settled();
    const shown = await allRows({ level: 'campaign' });
    assert.ok(!shown.some((row) => row.id === second.id), 'deleted campaigns are hidden by default');
    const deleted = await allRows({ level: 'campaign', status: 'deleted' });
    assert.deepEqual(
      deleted.map((row) => row.id),
      [second.id],
    );
    const orphans = await allRows({ level: 'ad', campaigns: second.id, status: 'all' });
    assert.ok(orphans.length > 0 && orphans.every((row) => row.delivery.state === 'deleted'));
  });

  it('refuses a view it cannot serve, saying which field is wrong', async () => {
    const refused: [field: string, value: string][] = [
      ['level', 'keyword'],
      ['after', 'not-a-cursor'],
      ['limit', '5000'],
      ['accounts', 'x'],
    ];
    for (const [field, value] of refused) {
      const response = await owner.browser.get<{ error: { details?: { issues?: { path: string }[] } } }>(
        `${base()}?${new URLSearchParams({ [field]: value })}`,
      );
      assert.equal(response.status, 400, `${field}=${value}: ${response.text}`);
      assert.ok(
        response.body.error.details?.issues?.some((issue) => issue.path.split('.')[0] === field),
        `${field}=${value} names its field: ${response.text}`,
      );
    }
  });

  it('keeps a deselected account’s rows, read-only, and stops syncing it', async () => {
    const saved = await owner.browser.request(
      'PUT',
      `${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`,
      {
        selectedAdvertiserIds: [northwindOutlet, northwindLegacy],
        defaultAdvertiserId: null,
      },
    );
    assert.equal(saved.status, 200, saved.text);
    const sync = await settled();
    assert.equal(sync.accounts.find((each) => each.advertiserId === northwindUs)!.state, 'stopped');
    // TikTok keeps Northwind Legacy out of its API: the reason says so, not "deleted, reconnect".
    const legacy = sync.accounts.find((each) => each.advertiserId === northwindLegacy)!;
    assert.equal(legacy.state, 'failed');
    assert.match(legacy.error!, /does not allow API access to this ad account/);
    // It is not counted as an import still under way.
    assert.equal(sync.importing, sync.imported);
    const rows = await allRows({ level: 'campaign', accounts: northwindUs, status: 'all' });
    assert.ok(rows.length > 0 && rows.every((row) => row.readOnly));
  });

  it('stops cleanly when TikTok revokes the token: Needs attention, rows kept, the reason in words', async () => {
    const before = await allRows({ level: 'ad', status: 'all' });
    kit.emulator.control.revokeToken(token);
    await owner.browser.post(`${base()}/refresh`);
    const sync = await settled();
    const outlet = sync.accounts.find((each) => each.advertiserId === northwindOutlet)!;
    // The connection needs attention, so the account no longer syncs, and says why.
    assert.equal(outlet.state, 'stopped');
    assert.equal(outlet.syncing, false);
    assert.match(outlet.error!, /needs attention.*Reconnect/i);
    const [connection] = (await listConnections(owner.browser, owner.workspaceId)).connections;
    assert.equal(connection!.status, 'needs_attention');
    assert.equal((await allRows({ level: 'ad', status: 'all' })).length, before.length);

    // Reconnect: the selected account syncs again at once, without Refresh.
    await connect(kit, owner.browser, owner.workspaceId, scenario.northwind, {
      reconnectConnectionId: connectionId,
    });
    const back = (await settled()).accounts.find((each) => each.advertiserId === northwindOutlet)!;
    assert.equal(back.state, 'ready');
    assert.equal(back.error, null);
    // The test clock stands still: the state, back to ready with no error, tells the pass ran.
  });

  it('shows another workspace nothing of this one', async () => {
    const other = await signUpWorkspace(kit.test, 'mirror-other@example.com');
    const theirs = await other.browser.get(`/api/workspaces/${other.workspaceId}/campaigns?level=ad`);
    assert.equal(theirs.status, 200);
    assert.deepEqual((theirs.body as { rows: unknown[] }).rows, []);
    const ours = await other.browser.get(`${base()}?level=ad`);
    assert.equal(ours.status, 404);
  });
});
