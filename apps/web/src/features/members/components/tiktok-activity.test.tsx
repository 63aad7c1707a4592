import type { MembersResponse, TikTokAuditResponse } from '@whathead/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInSession, workspaceIds } from '../../../testing/fixtures';
import { errorResponse, jsonResponse, mockApi } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const membersPath = `/api/workspaces/${workspaceIds.acme}/members`;
const auditPath = `/api/workspaces/${workspaceIds.acme}/tiktok/audit`;
const connectionsPath = `/api/workspaces/${workspaceIds.acme}/tiktok/connections`;
const team: MembersResponse = { members: [], invitations: [] };
const noConnections = { connections: [], defaultAdvertiserId: null };

const audit: TikTokAuditResponse = {
  events: [
    {
      id: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      action: 'needs_attention',
      actorName: null,
      businessCenterId: '7100000000000000001',
      businessCenterName: 'Northwind Retail',
      summary: 'Northwind Retail needs attention (token revoked).',
      tiktokRequestId: '20261125160000ABCDEF0123456789ABCDEF',
      occurredAt: '2026-11-25T16:00:00.000Z',
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

describe('TikTok activity in Settings', () => {
  it('shows who did what, when, with TikTok’s request id, to any member', async () => {
    mockApi({
      [`GET ${membersPath}`]: () => jsonResponse(team),
      [`GET ${auditPath}`]: () => jsonResponse(audit),
      [`GET ${connectionsPath}`]: () => jsonResponse(noConnections),
    });
    await renderApp('/settings', signedInSession('member'));

    const section = await screen.findByRole('region', { name: 'TikTok activity' });
    const table = await within(section).findByRole('table', { name: 'TikTok activity, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('Whathead')).toBeTruthy();
    expect(within(rows[0]!).getByText('Northwind Retail needs attention (token revoked).')).toBeTruthy();
    expect(within(rows[0]!).getByText('20261125160000ABCDEF0123456789ABCDEF')).toBeTruthy();
    expect(within(rows[0]!).getByRole('time').getAttribute('datetime')).toBe('2026-11-25T16:00:00.000Z');
    expect(within(rows[1]!).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(rows[1]!).getByText('Connected Northwind Retail with 4 ad accounts.')).toBeTruthy();
  });

  it('says when there is no activity yet', async () => {
    mockApi({
      [`GET ${membersPath}`]: () => jsonResponse(team),
      [`GET ${auditPath}`]: () => jsonResponse({ events: [] }),
      [`GET ${connectionsPath}`]: () => jsonResponse(noConnections),
    });
    const first = await renderApp('/settings', signedInSession('owner'));
    expect(await screen.findByText(/No TikTok activity yet/)).toBeTruthy();
    first.unmount();
  });

  it('shows the error message when the trail cannot be read', async () => {
    mockApi({
      [`GET ${membersPath}`]: () => jsonResponse(team),
      [`GET ${auditPath}`]: () => errorResponse(403, 'forbidden'),
      [`GET ${connectionsPath}`]: () => jsonResponse(noConnections),
    });
    await renderApp('/settings', signedInSession('member'));
    const section = await screen.findByRole('region', { name: 'TikTok activity' });
    expect(await within(section).findByRole('alert')).toBeTruthy();
  });
});
