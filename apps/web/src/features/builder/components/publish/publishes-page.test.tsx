import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Publish, WorkspaceSummary } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { signedInSession } from '../../../../testing/fixtures';
import { jsonResponse } from '../../../../testing/mock-api';
import { renderApp } from '../../../../testing/render-app';
import { mockPublishApi, otherUserId, publishAnswer, publishRoutes } from './publish.testing';

const breach = 'Ad group “US” would spend 900.00 a day; the workspace’s limit is 500.00.';
const grace = { id: otherUserId, name: 'Grace Hopper' };
const earlierId = '6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f';

/** Grace's publish of Spring push waits for approval; an earlier one of Autumn sale succeeded. */
function publishes(held: Partial<Publish> = {}) {
  const awaiting = publishAnswer({
    state: 'awaiting_approval',
    requestedBy: grace,
    guardrailBreaches: [breach],
    ...held,
  });
  const earlier = publishAnswer({
    id: earlierId,
    draftName: 'Autumn sale',
    state: 'succeeded',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    finishedAt: new Date().toISOString(),
  });
  const summary = ({ items: _items, ...rest }: Publish) => rest;
  return { awaiting, list: { publishes: [summary(awaiting), summary(earlier)] } };
}

async function openPublishes(role: WorkspaceSummary['role'] = 'owner') {
  await renderApp('/campaigns/publishes', signedInSession(role));
  await screen.findByRole('heading', { name: 'Publishes', level: 1 });
}

const heldCard = () => screen.findByRole('region', { name: 'Spring push' });

describe('the Publishes page', () => {
  it('lists recent publishes with their state, who asked and when', async () => {
    const { list, awaiting } = publishes();
    mockPublishApi({
      [publishRoutes.list]: () => jsonResponse(list),
      [publishRoutes.publish()]: () => jsonResponse(awaiting),
    });
    await openPublishes();

    const table = (await screen.findByRole('heading', { name: 'Recent publishes' })).parentElement!;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Spring push.*Waiting for approval.*2 minutes ago by Grace Hopper/),
      expect.stringMatching(/^Autumn sale.*Published.*3 hours ago by Ada Lovelace/),
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'Spring push' }).getAttribute('href')).toBe(
      `/campaigns/drafts/${awaiting.draftId}`,
    );
  });

  it('lets another owner or admin review a held publish: what it breaks, its changes, Approve', async () => {
    const { list, awaiting } = publishes();
    const { requestsTo } = mockPublishApi({
      [publishRoutes.list]: () => jsonResponse(list),
      [publishRoutes.publish()]: () => jsonResponse(awaiting),
      [publishRoutes.approve()]: () =>
        jsonResponse({ ...awaiting, state: 'queued', reviewedBy: { id: 'me', name: 'Ada Lovelace' } }),
    });
    await openPublishes('admin');

    const card = await heldCard();
    expect(await within(card).findByText(breach)).toBeTruthy();
    const changes = within(card).getByRole('list', { name: 'Changes to Spring' });
    await waitFor(() => expect(changes.firstElementChild?.textContent).toBe('Budget: $500.00 → $750.00'));
    expect(within(card).getByRole('button', { name: 'Reject' })).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Approve and publish' }));
    await waitFor(() => expect(requestsTo(publishRoutes.approve())).toHaveLength(1));
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain(
        'Approved “Spring push”: it is being published.',
      ),
    );
  });

  it('tells the one who asked that someone else reviews it, without the buttons', async () => {
    const { list, awaiting } = publishes({ requestedBy: { id: signedInSession().user!.id, name: 'Ada' } });
    mockPublishApi({
      [publishRoutes.list]: () => jsonResponse(list),
      [publishRoutes.publish()]: () => jsonResponse(awaiting),
    });
    await openPublishes('owner');

    const card = await heldCard();
    expect(await within(card).findByText(/^Waiting for another owner or admin/)).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Approve and publish' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Reject' })).toBeNull();
  });

  it('shows a member the held publish, but not the buttons', async () => {
    const { list, awaiting } = publishes();
    mockPublishApi({
      [publishRoutes.list]: () => jsonResponse(list),
      [publishRoutes.publish()]: () => jsonResponse(awaiting),
    });
    await openPublishes('member');

    const card = await heldCard();
    expect(await within(card).findByText(/only they can approve or reject/)).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Approve and publish' })).toBeNull();
  });

  it('opens a publish’s details from the list', async () => {
    const { list, awaiting } = publishes();
    const earlier = publishAnswer({ id: earlierId, draftName: 'Autumn sale', state: 'succeeded' });
    mockPublishApi({
      [publishRoutes.list]: () => jsonResponse(list),
      [publishRoutes.publish()]: () => jsonResponse(awaiting),
      [publishRoutes.publish(earlierId)]: () =>
        jsonResponse({
          ...earlier,
          items: earlier.items.map((item) => ({
            ...item,
            state: item.action === 'skip' ? 'skipped' : 'confirmed',
          })),
        }),
    });
    await openPublishes();

    fireEvent.click(await screen.findByRole('button', { name: 'Details of Autumn sale' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish of “Autumn sale”' });
    expect(await within(dialog).findByText('Published: 1 created, 2 updated')).toBeTruthy();
  });
});
