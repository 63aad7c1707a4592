import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DraftSummary } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { mockCampaignsApi, openCampaigns } from '../../../testing/campaigns';
import { signedInSession } from '../../../testing/fixtures';
import { jsonResponse } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import {
  builderRoutes,
  draftAnswer,
  draftId,
  draftSummary,
  mockBuilderApi,
  stubReactFlowEnvironment,
} from '../testing/builder-api';
import { documentOf } from '../testing/draft-fixtures';

const publishingId = '2b7e1c9d-4a3f-4e8b-9c1d-6f5a4b3c2d10';

async function openDrafts() {
  const view = await renderApp('/campaigns/drafts', signedInSession());
  await screen.findByRole('heading', { name: 'Drafts', level: 1 });
  return view;
}

describe('the drafts list', () => {
  it('lists each draft with its size, who edited it last and when, and which are being published', async () => {
    mockBuilderApi({
      [builderRoutes.drafts]: () =>
        jsonResponse({
          drafts: [
            draftSummary(),
            draftSummary({
              id: publishingId,
              name: 'Black Friday',
              campaigns: 1,
              items: 3,
              updatedBy: { id: 'grace', name: 'Grace Hopper' },
              activePublishId: 'publish-1',
            }),
          ],
        }),
    });
    await openDrafts();

    const spring = (await screen.findByRole('link', { name: 'Spring push' })).closest('tr')!;
    expect(screen.getByRole('link', { name: 'Spring push' }).getAttribute('href')).toBe(
      `/campaigns/drafts/${draftId}`,
    );
    expect([...spring.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual([
      'Spring push',
      '2',
      '6',
      '5 minutes ago by Ada Lovelace',
      'Delete',
    ]);
    const friday = screen.getByRole('link', { name: 'Black Friday' }).closest('tr')!;
    expect(friday.textContent).toContain('Publishing…');
    expect(friday.textContent).toContain('by Grace Hopper');
    expect(
      within(friday).getByRole('button', { name: 'Delete Black Friday' }).getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('starts a new draft and opens it in the builder', async () => {
    stubReactFlowEnvironment();
    const { requestsTo } = mockBuilderApi({
      [builderRoutes.drafts]: () => jsonResponse({ drafts: [] }),
      [builderRoutes.createDraft]: () =>
        jsonResponse(draftSummary({ name: 'Untitled draft', campaigns: 0, items: 0 }), 201),
      [builderRoutes.draft()]: () => jsonResponse(draftAnswer({ name: 'Untitled draft' }, documentOf())),
    });
    const { router } = await openDrafts();

    expect(await screen.findByRole('heading', { name: 'No drafts yet' })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'New draft' })[0]!);

    await waitFor(() => expect(router.state.location.pathname).toBe(`/campaigns/drafts/${draftId}`));
    expect(requestsTo(builderRoutes.createDraft)[0]?.body).toEqual({});
    expect(
      await screen.findByText('Nothing in this draft yet. Add a campaign, or select existing ones.'),
    ).toBeTruthy();
  });

  it('asks before deleting a draft, then lists the drafts again', async () => {
    let drafts: DraftSummary[] = [draftSummary()];
    const { requestsTo } = mockBuilderApi({
      [builderRoutes.drafts]: () => jsonResponse({ drafts }),
      [builderRoutes.deleteDraft()]: () => {
        drafts = [];
        return new Response(null, { status: 204 });
      },
    });
    await openDrafts();

    fireEvent.click(await screen.findByRole('button', { name: 'Delete Spring push' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Spring push”?' });
    expect(dialog.textContent).toContain('What it already published stays in TikTok.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete draft' }));

    expect(await screen.findByRole('heading', { name: 'No drafts yet' })).toBeTruthy();
    expect(requestsTo(builderRoutes.deleteDraft())).toHaveLength(1);
  });

  it('is linked from the Campaigns page, and links back to it', async () => {
    mockCampaignsApi({ handlers: { [builderRoutes.drafts]: () => jsonResponse({ drafts: [] }) } });
    const { router } = await openCampaigns();

    fireEvent.click(screen.getByRole('link', { name: 'Drafts' }));
    await screen.findByRole('heading', { name: 'Drafts', level: 1 });
    fireEvent.click(screen.getByRole('link', { name: 'Campaigns', current: false }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/campaigns'));
  });
});
