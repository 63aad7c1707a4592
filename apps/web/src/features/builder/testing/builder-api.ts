import { screen } from '@testing-library/react';
import type { Draft, DraftDocument, DraftSummary } from '@whathead/contracts';
import { vi } from 'vitest';
import { connectedAnswer } from '../../../testing/campaigns';
import { signedInSession, userId, workspaceIds } from '../../../testing/fixtures';
import { jsonResponse, mockApi, type MockHandler } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import { springAndAutumn } from './draft-fixtures';

const workspace = `/api/workspaces/${workspaceIds.acme}`;
export const draftId = '8c0d5a3e-1f2b-4c6d-9e8f-7a6b5c4d3e21';

export const builderRoutes = {
  connections: `GET ${workspace}/tiktok/connections`,
  drafts: `GET ${workspace}/drafts`,
  createDraft: `POST ${workspace}/drafts`,
  draft: (id = draftId) => `GET ${workspace}/drafts/${id}`,
  saveDraft: (id = draftId) => `PUT ${workspace}/drafts/${id}`,
  deleteDraft: (id = draftId) => `DELETE ${workspace}/drafts/${id}`,
  existing: `GET ${workspace}/builder/existing`,
  campaigns: `GET ${workspace}/campaigns`,
};

export function draftSummary(overrides: Partial<DraftSummary> = {}): DraftSummary {
  return {
    id: draftId,
    name: 'Spring push',
    version: 3,
    campaigns: 2,
    items: 6,
    updatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    updatedBy: { id: userId, name: 'Ada Lovelace' },
    activePublishId: null,
    ...overrides,
  };
}

export function draftAnswer(
  overrides: Partial<Draft> = {},
  document: DraftDocument = springAndAutumn(),
): Draft {
  return { ...draftSummary(), document, ...overrides };
}

/** The 409 the server answers a save over a newer version with. */
export function conflictResponse(
  code: 'draft_conflict' | 'draft_publishing',
  details: object = {},
): Response {
  return jsonResponse({ error: { code, message: `Server says ${code}.`, details } }, 409);
}

/** The builder's API; the draft answers `draft` (its document springAndAutumn) unless a handler says otherwise. */
export function mockBuilderApi(handlers: Record<string, MockHandler> = {}) {
  const api = mockApi({
    [builderRoutes.connections]: () => jsonResponse(connectedAnswer()),
    [builderRoutes.draft()]: () => jsonResponse(draftAnswer()),
    ...handlers,
  });
  const requestsTo = (route: string) =>
    api.requests.filter((request) => `${request.method} ${request.path}` === route);
  return { ...api, requestsTo };
}

/**
 * What React Flow needs of a browser that jsdom lacks (its testing guide): ResizeObserver,
 * DOMMatrixReadOnly for the viewport's transform, and element sizes.
 */
export function stubReactFlowEnvironment() {
  class ResizeObserverStub {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  class DOMMatrixStub {
    m22: number;
    constructor(transform?: string) {
      const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
      this.m22 = scale === undefined ? 1 : Number(scale);
    }
  }
  vi.stubGlobal('ResizeObserver', ResizeObserverStub);
  vi.stubGlobal('DOMMatrixReadOnly', DOMMatrixStub);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(112);
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(248);
}

/** Opens the builder on the draft and waits for its outline. */
export async function openBuilder(id = draftId) {
  stubReactFlowEnvironment();
  const view = await renderApp(`/campaigns/drafts/${id}`, signedInSession());
  await screen.findByRole('tree', { name: 'Draft outline' });
  return view;
}
