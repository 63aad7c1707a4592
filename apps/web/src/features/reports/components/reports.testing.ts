import { screen } from '@testing-library/react';
import {
  reportMetricKeys,
  type ReportBreakdownResponse,
  type ReportBreakdownRow,
  type ReportCurrencyTotals,
  type ReportMetrics,
  type ReportOverviewResponse,
  type ReportStatusResponse,
} from '@whathead/contracts';
import {
  advertiserIds,
  signedInSession,
  tiktokConnectionsAnswer,
  workspaceIds,
} from '../../../testing/fixtures';
import { jsonResponse, mockApi, type MockHandler, type RecordedRequest } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { reportStatusAnswer } from '../../../testing/report-status';

// Test support for the Reports page: its four routes answered from fixtures, and what the page
// asked of them.

const workspace = `/api/workspaces/${workspaceIds.acme}`;
export const statusRoute = `GET ${workspace}/reports/status`;
export const syncRoute = `POST ${workspace}/reports/sync`;
export const overviewRoute = `GET ${workspace}/reports/overview`;
export const breakdownRoute = `GET ${workspace}/reports/breakdown`;

export const campaignId = '1800000000000000001';
export const adgroupId = '1700000000000000001';

/** Every metric unknown (null) but those given. */
export function metrics(values: Partial<ReportMetrics> = {}): ReportMetrics {
  const blank = Object.fromEntries(reportMetricKeys.map((key) => [key, null])) as unknown as ReportMetrics;
  return { ...blank, ...values };
}

export function currencyTotals(overrides: Partial<ReportCurrencyTotals> = {}): ReportCurrencyTotals {
  return {
    currency: 'USD',
    advertiserIds: [advertiserIds.us],
    current: metrics({ spend: '1250.500', impressions: 100_000, clicks: 1_500, ctr: 1.5, cpc: 0.834 }),
    previous: null,
    series: [
      { time: '2026-03-02', metrics: metrics({ spend: '100.000' }) },
      { time: '2026-03-03', metrics: metrics({ spend: '150.000' }) },
      { time: '2026-03-04', metrics: metrics({ spend: '200.000' }) },
    ],
    previousSeries: null,
    ...overrides,
  };
}

export function overviewAnswer(overrides: Partial<ReportOverviewResponse> = {}): ReportOverviewResponse {
  return {
    from: '2026-03-02',
    to: '2026-03-08',
    previousFrom: null,
    previousTo: null,
    granularity: 'day',
    totals: [currencyTotals()],
    provisionalFrom: { [advertiserIds.us]: '2026-03-03' },
    ...overrides,
  };
}

export function breakdownRow(overrides: Partial<ReportBreakdownRow> = {}): ReportBreakdownRow {
  return {
    level: 'campaign',
    advertiserId: advertiserIds.us,
    advertiserName: 'Northwind US',
    id: campaignId,
    name: 'Summer Sale',
    campaignId,
    campaignName: 'Summer Sale',
    adgroupId: null,
    adgroupName: null,
    currency: 'USD',
    metrics: metrics({ spend: '500.000', impressions: 40_000, clicks: 600 }),
    ...overrides,
  };
}

type Answer<Body> = Body | MockHandler;

interface ReportsApi {
  status?: Answer<ReportStatusResponse>;
  overview?: Answer<ReportOverviewResponse>;
  breakdown?: Answer<ReportBreakdownResponse>;
  handlers?: Record<string, MockHandler>;
}

const answer = <Body>(body: Answer<Body>): MockHandler =>
  typeof body === 'function' ? (body as MockHandler) : () => jsonResponse(body);

/** The Reports page's API; `overviewRequests` and `breakdownRequests` list each request's query. */
export function mockReportsApi({
  status = reportStatusAnswer(),
  overview = overviewAnswer(),
  breakdown = { rows: [breakdownRow()], truncated: false },
  handlers = {},
}: ReportsApi = {}) {
  const api = mockApi({
    [`GET ${workspace}/tiktok/connections`]: () => jsonResponse(tiktokConnectionsAnswer([])),
    [statusRoute]: answer(status),
    [overviewRoute]: answer(overview),
    [breakdownRoute]: answer(breakdown),
    ...handlers,
  });
  const queriesOf = (route: string) => () =>
    api.requests
      .filter((request: RecordedRequest) => `${request.method} ${request.path}` === route)
      .map((request) => Object.fromEntries(request.query));
  return { ...api, overviewRequests: queriesOf(overviewRoute), breakdownRequests: queriesOf(breakdownRoute) };
}

/** Opens Reports (with `search`, as a shared link would) and waits for the page's heading. */
export async function openReports(search = '') {
  const view = await renderApp(`/reports${search}`, signedInSession());
  await screen.findByRole('heading', { name: 'Reports', level: 1 });
  return view;
}
