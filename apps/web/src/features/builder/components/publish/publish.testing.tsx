import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { Publish, PublishItem, PublishPreview } from '@whathead/contracts';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { queryClient } from '../../../../lib/query-client';
import { queryKeys } from '../../../../lib/query-keys';
import { connectedAnswer } from '../../../../testing/campaigns';
import { advertiserIds, signedInSession, userId, workspaceIds } from '../../../../testing/fixtures';
import { jsonResponse, mockApi, type MockHandler } from '../../../../testing/mock-api';
import { draftId } from '../../testing/builder-api';
import { PublishButton, type PublishButtonProps } from '../publish-slot';

const workspace = `/api/workspaces/${workspaceIds.acme}`;
export const publishId = '4f3e2d1c-0b9a-4c8d-8e7f-6a5b4c3d2e10';
export const otherUserId = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

export const publishRoutes = {
  connections: `GET ${workspace}/tiktok/connections`,
  draft: `GET ${workspace}/drafts/${draftId}`,
  preview: `POST ${workspace}/drafts/${draftId}/preview`,
  start: `POST ${workspace}/drafts/${draftId}/publishes`,
  list: `GET ${workspace}/publishes`,
  publish: (id = publishId) => `GET ${workspace}/publishes/${id}`,
  approve: (id = publishId) => `POST ${workspace}/publishes/${id}/approve`,
  reject: (id = publishId) => `POST ${workspace}/publishes/${id}/reject`,
  guardrails: `GET ${workspace}/builder/guardrails`,
  saveGuardrails: `PUT ${workspace}/builder/guardrails`,
};

export type PlanItem = PublishPreview['items'][number];

/** A plan item of Northwind US (USD). */
export function planItem(overrides: Partial<PlanItem> & Pick<PlanItem, 'key' | 'level' | 'name'>): PlanItem {
  return { advertiserId: advertiserIds.us, parentKey: null, action: 'skip', changes: [], ...overrides };
}

/**
 * Spring (a campaign TikTok has, its budget raised and paused), under it the ad group US (new) and
 * EU (published, its locations changed), and the ad Teaser (unchanged).
 */
export function springPlan(): PlanItem[] {
  return [
    planItem({
      key: 'spring',
      level: 'campaign',
      name: 'Spring',
      action: 'update',
      changes: [
        { field: 'budget', label: 'Budget', before: 500, after: 750 },
        { field: 'status', label: 'Status', before: 'ENABLE', after: 'DISABLE' },
      ],
    }),
    planItem({ key: 'us', level: 'adgroup', name: 'US', parentKey: 'spring', action: 'create' }),
    planItem({
      key: 'eu',
      level: 'adgroup',
      name: 'EU',
      parentKey: 'spring',
      action: 'update',
      changes: [
        {
          field: 'locations',
          label: 'Locations',
          before: [{ id: '1', name: 'France' }],
          after: ['France', 'Germany', 'Spain', 'Italy', 'Portugal'].map((name, index) => ({
            id: String(index + 1),
            name,
          })),
        },
        { field: 'scheduleEnd', label: 'End time', before: '2026-12-01 00:00:00', after: null },
      ],
    }),
    planItem({ key: 'teaser', level: 'ad', name: 'Teaser', parentKey: 'eu' }),
  ];
}

export function previewAnswer(overrides: Partial<PublishPreview> = {}): PublishPreview {
  const items = overrides.items ?? springPlan();
  const counts = { create: 0, update: 0, skip: 0 };
  for (const item of items) counts[item.action] += 1;
  return { version: 3, issues: [], items, counts, guardrailBreaches: [], ...overrides };
}

export function publishItem(item: PlanItem, overrides: Partial<PublishItem> = {}): PublishItem {
  return {
    ...item,
    state: item.action === 'skip' ? 'skipped' : 'pending',
    tiktokId: null,
    error: null,
    errorField: null,
    ...overrides,
  };
}

export function publishAnswer(overrides: Partial<Publish> = {}): Publish {
  const items = overrides.items ?? springPlan().map((item) => publishItem(item));
  const counts = { create: 0, update: 0, skip: 0 };
  for (const item of items) counts[item.action] += 1;
  return {
    id: publishId,
    draftId,
    draftName: 'Spring push',
    state: 'queued',
    counts,
    items,
    requestedBy: { id: userId, name: 'Ada Lovelace' },
    reviewedBy: null,
    guardrailBreaches: [],
    blockedReason: null,
    createdAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    finishedAt: null,
    ...overrides,
  };
}

/** The publish flow's API, with Northwind's accounts for the currencies. */
export function mockPublishApi(handlers: Record<string, MockHandler> = {}) {
  const api = mockApi({ [publishRoutes.connections]: () => jsonResponse(connectedAnswer()), ...handlers });
  const requestsTo = (route: string) =>
    api.requests.filter((request) => `${request.method} ${request.path}` === route);
  return { ...api, requestsTo };
}

/**
 * The builder's Publish button on a page of its own, as the builder renders it: the builder's own
 * tests cover when it is enabled, these what it opens.
 */
export async function renderPublishButton(props: Partial<PublishButtonProps> = {}) {
  queryClient.setQueryData(queryKeys.session, signedInSession());
  const router = createMemoryRouter(
    [
      {
        path: '/campaigns/drafts/:draftId',
        element: <PublishButton draftId={draftId} version={3} disabled={false} {...props} />,
      },
      { path: '/integrations', element: <h1>Integrations</h1> },
    ],
    { initialEntries: [`/campaigns/drafts/${draftId}`] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  await screen.findByRole('button', { name: /^(Publish|View publish)$/ });
  return { ...view, router };
}
