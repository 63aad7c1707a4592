import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { advertiserIds, campaignRow, campaignSyncAnswer, mirrorAccount } from '../../../testing/fixtures';
import {
  findTableRow,
  giveTheTableRoom,
  mockCampaignsApi,
  openCampaigns,
  refreshRoute,
  syncedAnswer,
} from '../../../testing/campaigns';
import { jsonResponse } from '../../../testing/mock-api';

beforeEach(() => giveTheTableRoom());

const importing = () =>
  campaignSyncAnswer(
    [
      mirrorAccount({ ads: 400 }),
      mirrorAccount({
        advertiserId: advertiserIds.eu,
        name: 'Northwind EU',
        state: 'importing',
        ads: 12_000,
        lastSyncedAt: null,
      }),
      mirrorAccount({
        advertiserId: '7200000000000000013',
        name: 'Northwind APAC',
        state: 'queued',
        ads: 0,
        lastSyncedAt: null,
      }),
    ],
    1,
  );

describe('the sync state on the Campaigns page', () => {
  it('shows the first import’s progress, polls it, and fills the table when the import ends', async () => {
    let syncCalls = 0;
    let imported = false;
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    const done = campaignSyncAnswer(
      syncedAnswer().accounts.map((account) => ({ ...account, lastSyncedAt: tenMinutesAgo })),
    );
    const { tableRequests } = mockCampaignsApi({
      sync: () => {
        syncCalls += 1;
        imported = syncCalls > 1;
        return jsonResponse(imported ? done : importing());
      },
      rows: () => jsonResponse({ rows: imported ? [campaignRow()] : [], nextCursor: null }),
    });
    await openCampaigns('?accounts=all');

    expect(
      await screen.findByText(`Importing 1 of 3 ad accounts: ${(12_400).toLocaleString()} ads`),
    ).toBeTruthy();
    // The table asks once the accounts' today is known (its range presets count from it).
    expect(await screen.findByRole('heading', { name: 'Importing campaigns from TikTok' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh' }).getAttribute('aria-disabled')).toBe('true');
    expect(tableRequests()).toHaveLength(1);

    // The next poll, 2 s later, finds the import done: the table asks again and shows the rows.
    await findTableRow('Summer Sale');
    expect(syncCalls).toBe(2);
    expect(tableRequests()).toHaveLength(2);
    expect(screen.queryByText(/Importing \d+ of/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Refresh' }).hasAttribute('aria-disabled')).toBe(false);
    expect(screen.getByText('10 minutes ago').closest('p')!.textContent).toBe('Last synced 10 minutes ago');
  });

  it('names each ad account whose sync failed, and why, in plain words', async () => {
    mockCampaignsApi({
      sync: campaignSyncAnswer([
        mirrorAccount(),
        mirrorAccount({
          advertiserId: advertiserIds.eu,
          name: 'Northwind EU',
          state: 'failed',
          error: 'TikTok no longer lets your TikTok user see this ad account.',
        }),
      ]),
      rows: [campaignRow()],
    });
    await openCampaigns();

    await findTableRow('Summer Sale');
    expect(
      screen.getByText(
        (_, element) =>
          element?.tagName === 'LI' &&
          element.textContent ===
            'Northwind EU couldn’t be synced: TikTok no longer lets your TikTok user see this ad account. Its rows show what TikTok last said; Refresh tries again.',
      ),
    ).toBeTruthy();
  });

  it('starts a sync with Refresh, which then waits until the sync is done', async () => {
    const { requests } = mockCampaignsApi({
      rows: [campaignRow()],
      handlers: {
        [refreshRoute]: () =>
          jsonResponse(
            campaignSyncAnswer(
              [
                mirrorAccount({ state: 'queued' }),
                mirrorAccount({ advertiserId: advertiserIds.eu, state: 'queued' }),
              ],
              2,
            ),
            202,
          ),
      },
    });
    await openCampaigns();
    await findTableRow('Summer Sale');
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    const freshness = () => document.getElementById(refresh.getAttribute('aria-describedby')!)?.textContent;
    expect(freshness()).toBe('Last synced 3 minutes ago');

    fireEvent.click(refresh);
    await waitFor(() => expect(refresh.getAttribute('aria-disabled')).toBe('true'));
    expect(freshness()).toBe('Syncing with TikTok…');
    fireEvent.click(refresh);
    expect(requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});
