import type { TikTokUsageResponse } from '@whathead/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedInSession, workspaceIds } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi, type MockHandler } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const usagePath = `/api/workspaces/${workspaceIds.acme}/tiktok/usage`;
const settingsAnswers: Record<string, MockHandler> = {
  [`GET /api/workspaces/${workspaceIds.acme}/members`]: () => jsonResponse({ members: [], invitations: [] }),
  [`GET /api/workspaces/${workspaceIds.acme}/tiktok/audit`]: () => jsonResponse({ events: [] }),
  'GET /api/session/others': () => jsonResponse({ count: 0 }),
};

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const timeOf = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(iso));

function usage(overrides: Partial<TikTokUsageResponse> = {}): TikTokUsageResponse {
  return {
    day: new Date().toISOString().slice(0, 10),
    appDayBudget: 864_000,
    lanes: [
      { lane: 'interactive', appCalls: 1_204, workspaceCalls: 37 },
      { lane: 'publish', appCalls: 310, workspaceCalls: 12 },
      { lane: 'sync', appCalls: 7_486, workspaceCalls: 250 },
    ],
    pauses: [],
    ...overrides,
  };
}

async function openSettings(role: 'owner' | 'admin' | 'member', answer: MockHandler) {
  const api = mockApi({ ...settingsAnswers, [`GET ${usagePath}`]: answer });
  await renderApp('/settings', signedInSession(role));
  return api;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TikTok usage in Settings', () => {
  it('shows an owner today’s calls by lane, this workspace’s and the app’s, against the day budget', async () => {
    await openSettings('owner', () => jsonResponse(usage()));
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    const table = await within(section).findByRole('table', { name: /TikTok calls today/ });
    const row = (name: RegExp) => within(table).getByRole('row', { name });
    expect(
      within(row(/Someone waiting/))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['37', (1204).toLocaleString()]);
    expect(
      within(row(/Syncing and reports/))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['250', (7486).toLocaleString()]);
    expect(
      within(row(/Total/))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['299', (9000).toLocaleString()]);
    expect(within(table).getByRole('columnheader', { name: 'All workspaces' })).toBeTruthy();
    expect(section.textContent).toContain(`may make ${(864_000).toLocaleString()} calls a day`);
    expect(within(section).getByRole('status').textContent).toBe(
      'TikTok isn’t holding Whathead back: calls go out as they come.',
    );
  });

  it('says plainly when TikTok is pausing us, and which of the workspace’s ad accounts', async () => {
    const appUntil = inMinutes(4);
    const accountUntil = inMinutes(2);
    await openSettings('admin', () =>
      jsonResponse(
        usage({
          pauses: [
            {
              scope: 'ad_account',
              until: accountUntil,
              budget: 'rate',
              endpoint: '/campaign/get/',
              advertiserId: '7200000000000000011',
              advertiserName: 'Northwind US',
            },
            {
              scope: 'app',
              until: appUntil,
              budget: 'rate',
              endpoint: null,
              advertiserId: null,
              advertiserName: null,
            },
          ],
        }),
      ),
    );
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    const status = await within(section).findByRole('status');
    await waitFor(() => expect(status.className).toContain('notice--warning'));
    const sentences = within(status)
      .getAllByRole('paragraph')
      .map((paragraph) => paragraph.textContent);
    expect(sentences).toEqual([
      `TikTok asked us to slow down: calls resume at ${timeOf(appUntil)}.`,
      `Calls for Northwind US (7200000000000000011) to /campaign/get/ are paused until ${timeOf(accountUntil)}.`,
    ]);
  });

  it('asks again every 30 seconds while open, so a new pause shows without a reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let paused = false;
    const { requests } = await openSettings('owner', () =>
      jsonResponse(
        usage({
          pauses: paused
            ? [
                {
                  scope: 'app',
                  until: inMinutes(5),
                  budget: 'rate',
                  endpoint: null,
                  advertiserId: null,
                  advertiserName: null,
                },
              ]
            : [],
        }),
      ),
    );
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    await within(section).findByText(/isn’t holding Whathead back/);
    const asked = () => requests.filter((request) => request.path === usagePath).length;
    expect(asked()).toBe(1);
    paused = true;
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    await waitFor(() => expect(asked()).toBe(2));
    expect(await within(section).findByText(/TikTok asked us to slow down/)).toBeTruthy();
  });

  it('is not shown to a plain member, who never asks for it', async () => {
    const { requests } = await openSettings('member', () => jsonResponse(usage()));
    await screen.findByRole('region', { name: 'TikTok activity' });
    expect(screen.queryByRole('region', { name: 'TikTok usage' })).toBeNull();
    expect(requests.some((request) => request.path === usagePath)).toBe(false);
  });

  it('shows the error, with Try again, when usage cannot be read', async () => {
    let fail = true;
    await openSettings('owner', () => (fail ? errorResponse(403, 'forbidden') : jsonResponse(usage())));
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    expect(await within(section).findByRole('alert')).toBeTruthy();
    fail = false;
    fireEvent.click(within(section).getByRole('button', { name: 'Try again' }));
    expect(await within(section).findByRole('table', { name: /TikTok calls today/ })).toBeTruthy();
  });
});
