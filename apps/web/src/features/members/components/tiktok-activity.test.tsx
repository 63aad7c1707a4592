import type { MembersResponse, TikTokAuditResponse } from '@whathead/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInSession, tiktokConnectionsAnswer, workspaceIds } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import integrationStyles from '../../../styles/integrations.css?raw';

const membersPath = `/api/workspaces/${workspaceIds.acme}/members`;
const auditPath = `/api/workspaces/${workspaceIds.acme}/tiktok/audit`;
const connectionsPath = `/api/workspaces/${workspaceIds.acme}/tiktok/connections`;
const team: MembersResponse = { members: [], invitations: [] };
const requestId = '20261125160000ABCDEF0123456789ABCDEF';

const audit: TikTokAuditResponse = {
  events: [
    {
      id: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      action: 'needs_attention',
      actorName: null,
      businessCenterId: '7100000000000000001',
      businessCenterName: 'Northwind Retail',
      summary: 'Northwind Retail needs attention (token revoked).',
      tiktokRequestId: requestId,
      occurredAt: '2026-11-25T16:00:00.000Z',
    },
    {
      id: '2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
      action: 'connect_cancelled',
      actorName: 'Ada Lovelace',
      businessCenterId: null,
      businessCenterName: null,
      summary: 'Cancelled on TikTok’s page; nothing was connected.',
      tiktokRequestId: null,
      occurredAt: '2026-11-25T13:00:00.000Z',
    },
    {
      id: '3f4a5b6c-7d8e-4f9a-8b1c-2d3e4f5a6b7c',
      action: 'connect_failed',
      actorName: 'Ada Lovelace',
      businessCenterId: null,
      businessCenterName: null,
      summary: 'TikTok refused: permission denied.',
      tiktokRequestId: null,
      occurredAt: '2026-11-25T12:30:00.000Z',
    },
    {
      id: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
      action: 'connected',
      actorName: 'Ada Lovelace',
      businessCenterId: '7100000000000000001',
      businessCenterName: 'Northwind Retail',
      summary: 'Connected Northwind Retail with 4 ad accounts.',
      tiktokRequestId: null,
      occurredAt: '2026-11-25T12:00:00.000Z',
    },
  ],
};

function mockSettings(auditAnswer: () => Response) {
  mockApi({
    [`GET ${membersPath}`]: () => jsonResponse(team),
    [`GET ${auditPath}`]: auditAnswer,
    [`GET ${connectionsPath}`]: () => jsonResponse(tiktokConnectionsAnswer([])),
  });
}

describe('TikTok activity in Settings', () => {
  it('shows who did what to which Business Center, when, with TikTok’s request id, to any member', async () => {
    mockSettings(() => jsonResponse(audit));
    await renderApp('/settings', signedInSession('member'));

    const section = await screen.findByRole('region', { name: 'TikTok activity' });
    const table = await within(section).findByRole('table', { name: 'TikTok activity, newest first' });
    expect(within(table).getByRole('columnheader', { name: 'Business Center' })).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(within(rows[0]!).getByText('Whathead')).toBeTruthy();
    expect(within(rows[0]!).getByText('Northwind Retail')).toBeTruthy();
    expect(within(rows[0]!).getByText('Northwind Retail needs attention (token revoked).')).toBeTruthy();
    expect(within(rows[0]!).getByRole('time').getAttribute('datetime')).toBe('2026-11-25T16:00:00.000Z');
    expect(within(rows[3]!).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(rows[3]!).getByText('Connected Northwind Retail with 4 ad accounts.')).toBeTruthy();
  });

  it('lists cancelled and refused attempts, with “—” where no Business Center was reached', async () => {
    mockSettings(() => jsonResponse(audit));
    await renderApp('/settings', signedInSession('member'));
    const table = await screen.findByRole('table', { name: 'TikTok activity, newest first' });
    const [, cancelled, failed] = within(table).getAllByRole('row').slice(1);
    expect(within(cancelled!).getByText('Cancelled')).toBeTruthy();
    expect(within(cancelled!).getByText(/nothing was connected/)).toBeTruthy();
    expect(within(cancelled!).getAllByText('—')).toHaveLength(2); // no Business Center, no request id
    expect(within(failed!).getByText('Not connected')).toBeTruthy();
    expect(within(failed!).getByText(/permission denied/)).toBeTruthy();
  });

  it('keeps a request id whole, in one element styled not to break mid-id', async () => {
    mockSettings(() => jsonResponse(audit));
    await renderApp('/settings', signedInSession('member'));
    const id = await screen.findByText(requestId);
    expect(id.tagName).toBe('CODE');
    expect(id.className).toBe('tiktok-activity__request-id');
    expect(id.textContent).toBe(requestId);
  });

  it('gives the whole id room, scrolling the table rather than the cell, and its own line on a phone', async () => {
    mockSettings(() => jsonResponse(audit));
    await renderApp('/settings', signedInSession('member'));
    const id = await screen.findByText(requestId);
    const cell = id.closest('td')!;
    expect(cell.className).toContain('tiktok-activity__request-cell');
    const scroller = screen.getByRole('group', { name: 'TikTok activity table' });
    expect(scroller.contains(screen.getByRole('table', { name: 'TikTok activity, newest first' }))).toBe(
      true,
    );
    expect(scroller.tabIndex, 'reachable by keyboard to scroll').toBe(0);
    const rule = (selector: string) =>
      new RegExp(`${selector.replace(/[.]/g, '\\.')} \\{([^}]*)\\}`).exec(integrationStyles)?.[1] ?? '';
    expect(rule('.tiktok-activity__scroll')).toContain('overflow-x: auto');
    expect(rule('.tiktok-activity__request-cell')).toContain('min-width: 35ch');
    expect(rule('.tiktok-activity__request-cell')).toContain('white-space: nowrap');
    expect(rule('.tiktok-activity__request-cell')).not.toContain('overflow');
    expect(rule('.tiktok-activity__request-id')).toContain('white-space: nowrap');
    expect(integrationStyles).toMatch(/td\.tiktok-activity__request-cell \{\s*flex-direction: column;/);
  });

  it('labels a held sign-in “Signed in”', async () => {
    mockSettings(() =>
      jsonResponse({
        events: [
          {
            ...audit.events[0]!,
            action: 'grant_held',
            actorName: 'Ada Lovelace',
            summary: 'Signed in to TikTok; 2 Business Centers wait for a choice.',
          },
        ],
      }),
    );
    await renderApp('/settings', signedInSession('member'));
    const table = await screen.findByRole('table', { name: 'TikTok activity, newest first' });
    const [row] = within(table).getAllByRole('row').slice(1);
    expect(within(row!).getByText('Signed in').className).toContain('badge--neutral');
  });

  it('says when there is no activity yet', async () => {
    mockSettings(() => jsonResponse({ events: [] }));
    await renderApp('/settings', signedInSession('owner'));
    expect(await screen.findByText(/No TikTok activity yet/)).toBeTruthy();
  });

  it('shows the error message when the trail cannot be read', async () => {
    mockSettings(() => errorResponse(403, 'forbidden'));
    await renderApp('/settings', signedInSession('member'));
    const section = await screen.findByRole('region', { name: 'TikTok activity' });
    expect(await within(section).findByRole('alert')).toBeTruthy();
  });
});
