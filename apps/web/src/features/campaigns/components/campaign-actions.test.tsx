import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CampaignRow, ChangeCampaignStatusInput } from '@whathead/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { campaignRow } from '../../../testing/fixtures';
import {
  findTableRow,
  giveTheTableRoom,
  manyCampaigns,
  mockCampaignsApi,
  openCampaigns,
} from '../../../testing/campaigns';
import { jsonResponse, type RecordedRequest } from '../../../testing/mock-api';
import { campaignMirror, later, result, statusRoute, turnedOff, turnedOn } from './campaign-mirror.testing';

beforeEach(() => {
  giveTheTableRoom();
  window.localStorage.clear();
});

/** The text of a row's cell in the column with this heading. */
const cellOf = (row: HTMLElement, heading: string) => {
  const headings = screen.getAllByRole('columnheader').map((header) => header.textContent);
  return within(row).getAllByRole('cell')[headings.indexOf(heading)]!.textContent;
};
const statusOf = async (name: string) => cellOf(await findTableRow(name), 'Status');
const statusBodies = (requests: RecordedRequest[]) =>
  requests
    .filter((request) => `${request.method} ${request.path}` === statusRoute)
    .map((request) => request.body as ChangeCampaignStatusInput);
const actionBar = () => screen.getByRole('group', { name: 'Actions on the selected campaigns' });

async function select(...names: string[]) {
  for (const name of names) fireEvent.click(await screen.findByRole('checkbox', { name: `Select ${name}` }));
  await screen.findByText(`${names.length} ${names.length === 1 ? 'campaign' : 'campaigns'} selected`);
}

describe('Turn off from the selection', () => {
  it('shows the rows turning off at once, then Paused as TikTok confirms, and keeps that on reload', async () => {
    const campaigns = manyCampaigns(3);
    const mirror = campaignMirror(campaigns);
    const server = later();
    const { requests, tableRequests } = mockCampaignsApi({
      rows: mirror.table,
      handlers: {
        [statusRoute]: async (request) => {
          await server.answered;
          const { targets } = request.body as ChangeCampaignStatusInput;
          const results = targets.map((target) => {
            mirror.put(turnedOff(mirror.get(target)));
            return result(mirror.get(target), 'changed', 'Turned off.');
          });
          return jsonResponse({ results });
        },
      },
    });
    await openCampaigns('?accounts=all');
    await select('Campaign 1', 'Campaign 2', 'Campaign 3');

    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Turn off' }));
    for (const name of ['Campaign 1', 'Campaign 2', 'Campaign 3'])
      await waitFor(async () => expect(await statusOf(name)).toBe('Turning off…'));
    const readsBefore = tableRequests().length;

    server.release();
    for (const name of ['Campaign 1', 'Campaign 2', 'Campaign 3'])
      await waitFor(async () => expect(await statusOf(name)).toBe('Paused'));
    // Each row goes with the status it showed: changed at TikTok since, it's a conflict instead.
    expect(statusBodies(requests)).toEqual([
      {
        level: 'campaign',
        operation: 'DISABLE',
        targets: campaigns.map(({ advertiserId, id }) => ({
          advertiserId,
          id,
          seen: { operationStatus: 'ENABLE' },
        })),
      },
    ]);
    // The table is read again afterwards, and what it reads says the same.
    await waitFor(() => expect(tableRequests().length).toBeGreaterThan(readsBefore));
    expect(await statusOf('Campaign 2')).toBe('Paused');
    // Done, in words on the page, not only in the rows.
    const summary = screen.getByRole('group', { name: 'Result of the last change' });
    expect(summary.textContent).toBe('3 campaigns turned off.');
    expect(summary.className).toContain('status-report--success');
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((region) => region.textContent)).toContain(
        '3 campaigns turned off.',
      ),
    );
    fireEvent.click(within(summary).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('group', { name: 'Result of the last change' })).toBeNull();
  });
});

describe('acting under a status filter', () => {
  it('takes the rows the view no longer shows out of the selection, and says what was done', async () => {
    const mirror = campaignMirror(manyCampaigns(3));
    mockCampaignsApi({
      rows: mirror.table,
      handlers: {
        [statusRoute]: (request) => {
          const { targets } = request.body as ChangeCampaignStatusInput;
          const results = targets.map((target) => {
            mirror.put(turnedOff(mirror.get(target)));
            return result(mirror.get(target), 'changed', 'Turned off.');
          });
          return jsonResponse({ results });
        },
      },
    });
    await openCampaigns('?accounts=all&status=active');
    await select('Campaign 1', 'Campaign 2');

    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Turn off' }));
    const summary = await screen.findByRole('group', { name: 'Result of the last change' });
    expect(summary.textContent).toBe('2 campaigns turned off.');
    // Paused, they leave the Active view, and the selection: nothing stays ticked out of sight.
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Select Campaign 1' })).toBeNull());
    expect(screen.queryByRole('checkbox', { name: 'Select Campaign 2' })).toBeNull();
    expect(screen.queryByText(/campaigns? selected/)).toBeNull();
    expect(screen.queryByText(/Left out/)).toBeNull();
    const all = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all loaded campaigns' });
    expect([all.checked, all.indeterminate]).toEqual([false, false]);
    expect(screen.getByRole('group', { name: 'Result of the last change' }).textContent).toBe(
      '2 campaigns turned off.',
    );
  });

  it('shows the header checkbox for the rows loaded here, not for rows selected in another view', async () => {
    const [active, paused] = manyCampaigns(2);
    const mirror = campaignMirror([active!, turnedOff(paused!)]);
    mockCampaignsApi({ rows: mirror.table });
    await openCampaigns(`?accounts=all&status=paused&campaigns=${active!.id}`);
    await findTableRow('Campaign 2');

    expect(screen.getByText('1 campaign selected')).toBeTruthy();
    expect(screen.getByText('Left out: 1 campaign not loaded in this view.')).toBeTruthy();
    const all = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all loaded campaigns' });
    expect([all.checked, all.indeterminate]).toEqual([false, false]);
  });
});

describe('Turn on and Turn off with nothing to do', () => {
  it('says why Turn on does nothing when every selected row is on, and a row already on is news, not a warning', async () => {
    const [first, second] = manyCampaigns(2);
    const mirror = campaignMirror([turnedOff(first!), second!]);
    const { requests } = mockCampaignsApi({
      rows: mirror.table,
      handlers: {
        [statusRoute]: (request) => {
          const { targets } = request.body as ChangeCampaignStatusInput;
          const results = targets.map((target) => {
            if (mirror.get(target).operationStatus === 'ENABLE')
              return result(mirror.get(target), 'skipped', 'Already on.');
            mirror.put(turnedOn(mirror.get(target)));
            return result(mirror.get(target), 'changed', 'Turned on.');
          });
          return jsonResponse({ results });
        },
      },
    });
    await openCampaigns('?accounts=all');
    await select('Campaign 2');

    const turnOn = within(actionBar()).getByRole('button', { name: 'Turn on' });
    expect(turnOn.getAttribute('aria-disabled')).toBe('true');
    expect(turnOn.title).toBe('The selected campaign is already on.');
    expect(document.getElementById(turnOn.getAttribute('aria-describedby')!)!.textContent).toBe(
      'The selected campaign is already on.',
    );
    fireEvent.click(turnOn);
    expect(statusBodies(requests)).toEqual([]);
    const turnOff = within(actionBar()).getByRole('button', { name: 'Turn off' });
    expect(turnOff.getAttribute('aria-disabled')).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Campaign 1' }));
    await screen.findByText('2 campaigns selected');
    expect(
      within(actionBar()).getByRole('button', { name: 'Turn on' }).getAttribute('aria-disabled'),
    ).toBeNull();
    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Turn on' }));
    const summary = await screen.findByRole('group', { name: 'Result of the last change' });
    expect(summary.className).toContain('status-report--neutral');
    expect(summary.textContent).toBe('1 campaign turned on.1 not changed:Campaign 2: Already on.');
  });
});

describe('a partial failure', () => {
  it('says which rows failed and why, beside them and in a summary, and Retry failed resends only those', async () => {
    const campaigns = manyCampaigns(5);
    const mirror = campaignMirror(campaigns);
    const refusal = 'TikTok refused: this campaign is under review. Try again once the review ends.';
    let calls = 0;
    const { requests } = mockCampaignsApi({
      rows: mirror.table,
      handlers: {
        [statusRoute]: (request) => {
          calls += 1;
          const { targets } = request.body as ChangeCampaignStatusInput;
          const results = targets.map((target, index) => {
            // The first answer changes two rows and fails three; the retry changes the rest.
            if (calls === 1 && index >= 2) return result(mirror.get(target), 'failed', refusal);
            mirror.put(turnedOff(mirror.get(target)));
            return result(mirror.get(target), 'changed', 'Turned off.');
          });
          return jsonResponse({ results });
        },
      },
    });
    await openCampaigns('?accounts=all');
    const names = campaigns.map((campaign) => campaign.name);
    await select(...names);

    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Turn off' }));
    const summary = await screen.findByRole('group', { name: 'Result of the last change' });
    expect(summary.textContent).toContain('2 of 5 changed. 3 failed:');
    for (const name of ['Campaign 3', 'Campaign 4', 'Campaign 5']) {
      expect(within(summary).getByText(name).closest('li')!.textContent).toBe(`${name}: ${refusal}`);
      await waitFor(async () => expect(await statusOf(name)).toBe(`ActiveNot changed: ${refusal}`));
    }
    expect(await statusOf('Campaign 1')).toBe('Paused');
    expect(summary.textContent).not.toMatch(/\b4\d{4}\b/); // never a raw TikTok code

    fireEvent.click(within(summary).getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(statusBodies(requests)).toHaveLength(2));
    expect(statusBodies(requests)[1]!.targets.map((target) => target.id)).toEqual(
      campaigns.slice(2).map((campaign) => campaign.id),
    );
    for (const name of ['Campaign 3', 'Campaign 4', 'Campaign 5'])
      await waitFor(async () => expect(await statusOf(name)).toBe('Paused'));
    expect(screen.getByRole('group', { name: 'Result of the last change' }).textContent).toBe(
      '3 campaigns turned off.',
    );
  });
});

describe('a row changed in TikTok since the user loaded it', () => {
  it('shows both values, and Apply my change anyway sends the change again as seen in TikTok', async () => {
    const summer = campaignRow({ name: 'Summer Sale', budget: '50.00' });
    const atTikTok: CampaignRow = {
      ...summer,
      name: 'Summer Sale (edited in Ads Manager)',
      budget: '75.00',
      modifiedAt: '2026-11-21T08:00:00.000Z',
    };
    const mirror = campaignMirror([summer]);
    let statusCalls = 0;
    const { requests } = mockCampaignsApi({
      rows: mirror.table,
      handlers: {
        [statusRoute]: () => {
          // The first request meets TikTok's edit: a conflict, nothing sent.
          statusCalls += 1;
          if (statusCalls === 1) {
            mirror.put(atTikTok);
            return jsonResponse({
              results: [result(atTikTok, 'conflict', 'Changed in TikTok since Whathead last synced.')],
            });
          }
          mirror.put(turnedOff(atTikTok));
          return jsonResponse({ results: [result(turnedOff(atTikTok), 'changed', 'Turned off.')] });
        },
      },
    });
    await openCampaigns('?accounts=all');
    await select('Summer Sale');

    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Turn off' }));
    const dialog = await screen.findByRole('dialog', { name: 'Summer Sale changed in TikTok' });
    const table = within(dialog).getByRole('table');
    const headings = within(table)
      .getAllByRole('columnheader')
      .map((heading) => heading.textContent);
    expect(headings).toEqual(['Field', 'When you loaded it', 'In TikTok now']);
    const rowText = (field: string) =>
      within(table).getByRole('rowheader', { name: field }).closest('tr')!.textContent;
    expect(rowText('Name')).toBe('NameSummer SaleSummer Sale (edited in Ads Manager)');
    expect(rowText('Budget')).toBe('Budget$50.00$75.00');
    expect(dialog.textContent).toContain('Your change: Turn off');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply my change anyway' }));
    await waitFor(() => expect(statusBodies(requests)).toHaveLength(2));
    expect(statusBodies(requests)[1]).toEqual({
      level: 'campaign',
      operation: 'DISABLE',
      targets: [
        { advertiserId: atTikTok.advertiserId, id: atTikTok.id, seen: { operationStatus: 'ENABLE' } },
      ],
    });
    await waitFor(async () => expect(await statusOf('Summer Sale (edited in Ads Manager)')).toBe('Paused'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Delete', () => {
  it('asks first, naming how many and what, and sends nothing until confirmed', async () => {
    const campaigns = manyCampaigns(3);
    const mirror = campaignMirror(campaigns);
    const { requests } = mockCampaignsApi({
      rows: mirror.table,
      handlers: {
        [statusRoute]: (request) => {
          const { targets } = request.body as ChangeCampaignStatusInput;
          return jsonResponse({
            results: targets.map((target) => result(mirror.get(target), 'changed', 'Deleted.')),
          });
        },
      },
    });
    await openCampaigns('?accounts=all');
    await select('Campaign 1', 'Campaign 2', 'Campaign 3');

    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 3 campaigns?' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/TikTok deletes them for good; their ad groups and ads stop\./)).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Campaign 1', 'Campaign 2', 'Campaign 3']);
    expect(statusBodies(requests)).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(statusBodies(requests)).toEqual([]);

    fireEvent.click(within(actionBar()).getByRole('button', { name: 'Delete' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete 3 campaigns' }),
    );
    await waitFor(() => expect(statusBodies(requests)).toHaveLength(1));
    expect(statusBodies(requests)[0]).toMatchObject({ operation: 'DELETE' });
    // Deleted campaigns leave the selection: they no longer narrow the other tabs.
    await waitFor(() => expect(screen.queryByText(/campaigns? selected/)).toBeNull());
  });

  it('leaves out selected rows TikTok can no longer change, and says so', async () => {
    const gone = campaignRow({
      id: '1800000000000000009',
      name: 'Old promo',
      operationStatus: 'DELETE',
      delivery: { state: 'deleted', label: 'Deleted', reason: null },
    });
    const mirror = campaignMirror([gone]);
    const { requests } = mockCampaignsApi({ rows: mirror.table, handlers: {} });
    await openCampaigns('?accounts=all&status=all');
    await select('Old promo');

    const turnOn = within(actionBar()).getByRole('button', { name: 'Turn on' });
    expect(turnOn.getAttribute('aria-disabled')).toBe('true');
    const note = document.getElementById(turnOn.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toBe('Left out: 1 deleted campaign, which TikTok can’t change any more.');
    fireEvent.click(turnOn);
    expect(statusBodies(requests)).toEqual([]);
  });
});
