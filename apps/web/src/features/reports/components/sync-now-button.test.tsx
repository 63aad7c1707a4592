import { fireEvent, screen, within } from '@testing-library/react';
import type { ReportSyncResponse } from '@whathead/contracts';
import { describe, expect, it, vi } from 'vitest';
import { advertiserIds } from '../../../testing/fixtures';
import { errorResponse, jsonResponse } from '../../../testing/mock-api';
import { europeAccount, reportAccount, reportStatusAnswer } from '../../../testing/report-status';
import { mockReportsApi, openReports, syncRoute } from './reports.testing';

// ECharts draws nothing in jsdom: the chart is a stand-in here (report-figures.test.tsx reads its option).
vi.mock('./report-chart', () => ({
  ReportChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const cooldown =
  'Northwind US synced 2 minutes ago, so TikTok would answer the same figures. Sync now can read it again in 3 minutes.';
const reconnect =
  'Northwind EU: Whathead’s access through the TikTok connection “Northwind Retail” was removed at TikTok (revoked, or the authorization withdrawn). Reconnect it in Integrations: the sync starts again by itself.';

function syncAnswer(overrides: Partial<ReportSyncResponse> = {}): ReportSyncResponse {
  return { ...reportStatusAnswer(), queued: [], skipped: [], ...overrides };
}

async function pressSyncNow() {
  await openReports();
  fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
}

describe('Sync now’s answer', () => {
  it('says that nothing was queued, and why for each account', async () => {
    mockReportsApi({
      handlers: {
        [syncRoute]: () =>
          jsonResponse(
            syncAnswer({
              skipped: [
                { advertiserId: advertiserIds.us, reason: 'cooldown', message: cooldown },
                { advertiserId: advertiserIds.eu, reason: 'stopped', message: reconnect },
              ],
            }),
            202,
          ),
      },
    });
    await pressSyncNow();

    const news = await screen.findByText('Nothing new to sync now:');
    const items = within(news.closest('[role="status"]') as HTMLElement).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([cooldown, reconnect]);
  });

  it('says how many accounts it queued when it left others out', async () => {
    const queued = reportStatusAnswer([reportAccount({ state: 'queued' }), europeAccount()]);
    mockReportsApi({
      handlers: {
        [syncRoute]: () =>
          jsonResponse(
            {
              ...queued,
              queued: [advertiserIds.us],
              skipped: [
                {
                  advertiserId: advertiserIds.eu,
                  reason: 'syncing',
                  message: 'Northwind EU is syncing now; its figures arrive as the sync goes.',
                },
              ],
            } satisfies ReportSyncResponse,
            202,
          ),
      },
    });
    await pressSyncNow();

    expect(await screen.findByText('Syncing 1 ad account. Not synced now:')).toBeTruthy();
    expect(
      screen.getByText('Northwind EU is syncing now; its figures arrive as the sync goes.'),
    ).toBeTruthy();
    expect(screen.getByText('Waiting to sync…')).toBeTruthy();
  });

  it('adds nothing when it queued every account: the spinner says it', async () => {
    const queued = reportStatusAnswer([reportAccount({ state: 'queued' })]);
    mockReportsApi({
      handlers: {
        [syncRoute]: () => jsonResponse({ ...queued, queued: [advertiserIds.us], skipped: [] }, 202),
      },
    });
    await pressSyncNow();

    expect(await screen.findByText('Waiting to sync…')).toBeTruthy();
    expect(screen.queryByText(/Not synced now|Nothing new to sync/)).toBeNull();
  });

  it('says when a person pressed too often, and when to try again', async () => {
    mockReportsApi({
      handlers: { [syncRoute]: () => errorResponse(429, 'too_many_attempts', { retryAfterSeconds: 240 }) },
    });
    await pressSyncNow();

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Sync now was pressed too often. Try again in 4 minutes: the reports also sync by themselves every hour.',
    );
  });
});
