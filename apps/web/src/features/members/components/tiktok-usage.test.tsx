import type { TikTokPause, TikTokUsageResponse } from '@whathead/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatResumeTime } from '../../../lib/format-resume-time';
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
const nextUtcMidnight = () => new Date((Math.floor(Date.now() / 86_400_000) + 1) * 86_400_000).toISOString();
const appPause = (budget: 'day' | 'rate', until: string): TikTokPause => ({
  scope: 'app',
  until,
  budget,
  endpoint: null,
  advertiserId: null,
  advertiserName: null,
});

function usage(overrides: Partial<TikTokUsageResponse> = {}): TikTokUsageResponse {
  return {
    day: new Date().toISOString().slice(0, 10),
    appDayShare: 0.012,
    lanes: [
      { lane: 'interactive', workspaceCalls: 37 },
      { lane: 'publish', workspaceCalls: 12 },
      { lane: 'sync', workspaceCalls: 1_250 },
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
  it('shows an owner this workspace’s calls by lane, and the app’s only as a share of the day', async () => {
    await openSettings('owner', () => jsonResponse(usage()));
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    const table = await within(section).findByRole('table', { name: /This workspace’s TikTok calls today/ });
    const cells = (name: string) =>
      within(within(table).getByRole('row', { name: new RegExp(`^${name}`) }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells('Things your team did \\(connecting, checks, clicks\\)')).toEqual(['37']);
    expect(cells('Publishing to TikTok')).toEqual(['12']);
    expect(cells('Syncing campaigns and reports')).toEqual([(1250).toLocaleString()]);
    expect(cells('Total')).toEqual([(1299).toLocaleString()]);
    expect(within(table).queryByRole('columnheader', { name: /All workspaces/ })).toBeNull();
    expect(section.textContent).toContain(
      'Calls are requests Whathead sent to TikTok for this workspace today (UTC day).',
    );
    expect(section.textContent).toContain(
      `Whathead as a whole, all workspaces together, has used ${(0.012).toLocaleString(undefined, { style: 'percent', maximumFractionDigits: 1 })} of TikTok’s daily allowance.`,
    );
    expect(within(section).getByRole('status').textContent).toBe('TikTok isn’t limiting Whathead right now.');
  });

  it('says “under 0.1 %”, never 0 %, for a share too small to round to 0.1 %', async () => {
    await openSettings('owner', () => jsonResponse(usage({ appDayShare: 0 })));
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    const under = `under ${(0.001).toLocaleString(undefined, { style: 'percent', maximumFractionDigits: 1 })}`;
    expect(
      await within(section).findByText(new RegExp(`has used ${under} of TikTok’s daily allowance`)),
    ).toBeTruthy();
    expect(section.textContent).not.toMatch(/\b0\s?%/);
  });

  it('says what each pause holds back, in words, that nothing is lost, and when it ends', async () => {
    const appUntil = inMinutes(4);
    const accountUntil = inMinutes(2);
    const endpointUntil = inMinutes(3);
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
              scope: 'endpoint',
              until: endpointUntil,
              budget: 'rate',
              endpoint: '/some/new/endpoint/',
              advertiserId: null,
              advertiserName: null,
            },
            appPause('rate', appUntil),
          ],
        }),
      ),
    );
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    await within(section).findByRole('table');
    const status = within(section).getByRole('status');
    expect(status.className).toContain('notice--warning');
    const sentences = within(status)
      .getAllByRole('paragraph')
      .map((paragraph) => paragraph.textContent);
    expect(sentences).toEqual([
      `TikTok asked Whathead to slow down. Calls wait until ${formatResumeTime(appUntil)}, then go out; nothing is lost.`,
      `TikTok asked Whathead to slow down on reading campaigns in Northwind US (7200000000000000011). Those calls wait until ${formatResumeTime(accountUntil)}, then go out; nothing is lost.`,
      `TikTok asked Whathead to slow down on some TikTok requests. Those calls wait until ${formatResumeTime(endpointUntil)}, then go out; nothing is lost.`,
    ]);
    expect(status.textContent).not.toMatch(/\/campaign\/get\/|\/some\/new/);
  });

  it('says TikTok ended the day early, instead of how much of the day is used, while a day pause runs', async () => {
    const midnight = nextUtcMidnight();
    await openSettings('owner', () =>
      jsonResponse(
        usage({
          appDayShare: 0,
          pauses: [
            appPause('day', midnight),
            {
              scope: 'endpoint',
              until: midnight,
              budget: 'day',
              endpoint: '/report/task/create/',
              advertiserId: null,
              advertiserName: null,
            },
          ],
        }),
      ),
    );
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    await within(section).findByRole('table');
    const status = within(section).getByRole('status');
    expect(status.className).toContain('notice--warning');
    expect(
      within(status)
        .getAllByRole('paragraph')
        .map((paragraph) => paragraph.textContent),
    ).toEqual([
      `TikTok ended today’s allowance for Whathead early, before Whathead reached its daily limit. Calls are paused until ${formatResumeTime(midnight)}. Nothing is lost: background work waits and continues then.`,
      `TikTok’s daily allowance for creating report tasks is used up. Those calls wait until ${formatResumeTime(midnight)}, then go out; nothing is lost.`,
    ]);
    expect(section.textContent).not.toMatch(/daily allowance\.|has used/);
  });

  it('asks again every 30 seconds while open, so a new pause shows without a reload', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let paused = false;
    const { requests } = await openSettings('owner', () =>
      jsonResponse(
        usage({
          pauses: paused ? [appPause('rate', inMinutes(5))] : [],
        }),
      ),
    );
    const section = await screen.findByRole('region', { name: 'TikTok usage' });
    await within(section).findByText('TikTok isn’t limiting Whathead right now.');
    const asked = () => requests.filter((request) => request.path === usagePath).length;
    expect(asked()).toBe(1);
    paused = true;
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    await waitFor(() => expect(asked()).toBe(2));
    expect(await within(section).findByText(/TikTok asked Whathead to slow down/)).toBeTruthy();
  });

  it('is not shown to a plain member, who never asks for it and reads who can see it', async () => {
    const { requests } = await openSettings('member', () => jsonResponse(usage()));
    await screen.findByRole('region', { name: 'TikTok activity' });
    expect(screen.queryByRole('region', { name: 'TikTok usage' })).toBeNull();
    expect(screen.getByText('Only owners and admins see TikTok usage.')).toBeTruthy();
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
