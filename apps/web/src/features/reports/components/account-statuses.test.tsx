import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { advertiserIds } from '../../../testing/fixtures';
import { europeAccount, reportAccount, reportStatusAnswer } from '../../../testing/report-status';
import { mockReportsApi, openReports } from './reports.testing';

// ECharts draws nothing in jsdom: the chart is a stand-in here (report-figures.test.tsx reads its option).
vi.mock('./report-chart', () => ({
  ReportChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

describe('an account that does not sync', () => {
  it('says why, what fixes it, and links to Integrations where it is fixed', async () => {
    const permission =
      'TikTok did not grant Whathead Reporting (view campaign performance metrics and analytics) for the TikTok connection “Northwind Retail”, and reports need it. Reconnect it in Integrations and keep Reporting ticked on TikTok’s page: the sync starts again by itself.';
    mockReportsApi({
      status: reportStatusAnswer([
        reportAccount(),
        europeAccount({
          state: 'stopped',
          stopReason: { cause: 'permission_missing', message: permission },
        }),
      ]),
    });
    await openReports(`?accounts=${advertiserIds.us},${advertiserIds.eu}`);

    const syncs = await screen.findByRole('list', { name: 'Ad account syncs' });
    // The notice is its own item, after the accounts' lines: one per cause and fix.
    const europe = within(syncs)
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes('doesn’t sync'));
    expect(europe!.textContent).toContain(
      `Northwind EU doesn’t sync. ${permission} The figures shown are those stored before.`,
    );
    expect(within(europe!).getByRole('link', { name: 'Open Integrations' }).getAttribute('href')).toBe(
      '/integrations',
    );
    expect(europe!.querySelector('.notice--warning')).not.toBeNull();
  });

  it('tells an account no longer selected as news, not as a warning', async () => {
    mockReportsApi({
      status: reportStatusAnswer([
        reportAccount({
          state: 'stopped',
          stopReason: {
            cause: 'not_selected',
            message:
              'It is no longer selected in Integrations; the figures stored before stay. Select it there to sync it again.',
          },
        }),
      ]),
    });
    await openReports();

    const syncs = await screen.findByRole('list', { name: 'Ad account syncs' });
    expect(syncs.textContent).toContain(
      'Northwind US doesn’t sync. It is no longer selected in Integrations; the figures stored before stay.',
    );
    expect(syncs.querySelector('.notice--warning')).toBeNull();
  });
});
