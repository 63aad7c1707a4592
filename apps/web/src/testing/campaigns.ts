import { screen } from '@testing-library/react';
import type {
  CampaignRow,
  CampaignSyncResponse,
  ReportStatusResponse,
  TikTokConnectionsResponse,
} from '@whathead/contracts';
import { vi } from 'vitest';
import {
  advertiserIds,
  campaignRow,
  campaignSyncAnswer,
  mirrorAccount,
  signedInSession,
  tiktokAccount,
  tiktokConnection,
  tiktokConnectionsAnswer,
  workspaceIds,
} from './fixtures';
import { jsonResponse, mockApi, type MockHandler, type RecordedRequest } from './mock-api';
import { renderApp } from './render-app';
import { reportStatusAnswer } from './report-status';

const workspace = `/api/workspaces/${workspaceIds.acme}`;
export const campaignsRoute = `GET ${workspace}/campaigns`;
export const syncRoute = `GET ${workspace}/campaigns/sync`;
export const refreshRoute = `POST ${workspace}/campaigns/refresh`;
const connectionsRoute = `GET ${workspace}/tiktok/connections`;
export const reportStatusRoute = `GET ${workspace}/reports/status`;

/** Acme's TikTok: one Business Center, Northwind US (the default) and Northwind EU in use. */
export function connectedAnswer(): TikTokConnectionsResponse {
  return tiktokConnectionsAnswer(
    [
      tiktokConnection({
        accounts: [
          tiktokAccount({
            advertiserId: advertiserIds.us,
            name: 'Northwind US',
            selected: true,
            isDefault: true,
          }),
          tiktokAccount({
            advertiserId: advertiserIds.eu,
            name: 'Northwind EU',
            selected: true,
            currency: 'EUR',
          }),
        ],
      }),
    ],
    advertiserIds.us,
  );
}

export const syncedAnswer = (): CampaignSyncResponse =>
  campaignSyncAnswer([
    mirrorAccount(),
    mirrorAccount({ advertiserId: advertiserIds.eu, name: 'Northwind EU' }),
  ]);

interface CampaignsApi {
  connections?: TikTokConnectionsResponse;
  sync?: CampaignSyncResponse | MockHandler;
  /** Each account's today, for the range presets of the metric columns. */
  reportStatus?: ReportStatusResponse | MockHandler;
  /** The table's answer to each request; by default these rows on one page. */
  rows?: CampaignRow[] | MockHandler;
  handlers?: Record<string, MockHandler>;
}

/** The Campaigns page's API; `tableRequests` lists the query of every table request so far. */
export function mockCampaignsApi({
  connections,
  sync,
  reportStatus,
  rows = [],
  handlers = {},
}: CampaignsApi = {}) {
  const api = mockApi({
    [connectionsRoute]: () => jsonResponse(connections ?? connectedAnswer()),
    [syncRoute]: typeof sync === 'function' ? sync : () => jsonResponse(sync ?? syncedAnswer()),
    [reportStatusRoute]:
      typeof reportStatus === 'function'
        ? reportStatus
        : () => jsonResponse(reportStatus ?? reportStatusAnswer()),
    [campaignsRoute]: typeof rows === 'function' ? rows : () => jsonResponse({ rows, nextCursor: null }),
    ...handlers,
  });
  const tableRequests = () =>
    api.requests
      .filter((request: RecordedRequest) => `${request.method} ${request.path}` === campaignsRoute)
      .map((request) => Object.fromEntries(request.query));
  return { ...api, tableRequests };
}

/** Opens Campaigns (with `search`, as a shared link would) and waits for the page's heading. */
export async function openCampaigns(search = '') {
  const view = await renderApp(`/campaigns${search}`, signedInSession());
  await screen.findByRole('heading', { name: 'Campaigns', level: 1 });
  return view;
}

/**
 * jsdom has no layout, so the virtualiser would see a 0-pixel box and draw no row. This gives the
 * table's scroll box the height of ten rows, as @tanstack/react-virtual's docs suggest for tests.
 */
export function giveTheTableRoom(height = 600) {
  const size = (dimension: number) =>
    function (this: HTMLElement) {
      return this.classList.contains('campaign-table__scroll') ? dimension : 0;
    };
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(size(height));
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(size(1200));
}

/** `count` campaigns named "Campaign 1"… in that order. */
export function manyCampaigns(count: number, from = 1): CampaignRow[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = from + offset;
    return campaignRow({ id: `18000000000${String(index).padStart(8, '0')}`, name: `Campaign ${index}` });
  });
}

/** The table row of the campaign, ad group or ad with this name, found by its checkbox. */
export async function findTableRow(name: string): Promise<HTMLElement> {
  const checkbox = await screen.findByRole('checkbox', { name: `Select ${name}` });
  return checkbox.closest('tr')!;
}
