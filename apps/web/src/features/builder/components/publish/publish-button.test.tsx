import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { queryClient } from '../../../../lib/query-client';
import { queryKeys } from '../../../../lib/query-keys';
import { connectedAnswer } from '../../../../testing/campaigns';
import { workspaceIds } from '../../../../testing/fixtures';
import { errorResponse, jsonResponse } from '../../../../testing/mock-api';
import { conflictResponse, draftAnswer } from '../../testing/builder-api';
import {
  mockPublishApi,
  previewAnswer,
  publishAnswer,
  publishItem,
  publishRoutes,
  renderPublishButton,
  springPlan,
  type PlanItem,
} from './publish.testing';

const openPreview = async () => {
  fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
  return screen.findByRole('dialog', { name: 'Publish preview' });
};

/** The tree's entry for an item, found by its name. */
const entry = (container: HTMLElement, name: string) =>
  within(container).getByText(name, { selector: '.plan-tree__name' }).closest('li')!;

describe('the publish preview', () => {
  it('counts what it creates, updates and leaves alone, and lists each item’s changes', async () => {
    const { requestsTo } = mockPublishApi({
      [publishRoutes.preview]: () =>
        jsonResponse(
          previewAnswer({
            issues: [{ key: 'us', field: 'budget', severity: 'warning', message: 'Under $20 a day.' }],
          }),
        ),
      [publishRoutes.start]: () => jsonResponse(publishAnswer(), 202),
      [publishRoutes.publish()]: () => jsonResponse(publishAnswer()),
    });
    const onPublish = vi.fn();
    await renderPublishButton({ onPublish });

    const dialog = await openPreview();
    expect(await within(dialog).findByText('1 to create · 2 to update · 1 unchanged')).toBeTruthy();
    expect(requestsTo(publishRoutes.preview)[0]?.body).toEqual({ version: 3 });

    const tree = within(dialog).getByRole('group', { name: 'What this publish does' });
    const spring = entry(tree, 'Spring');
    expect(within(spring).getAllByText('Update')[0]).toBeTruthy();
    const springChanges = within(spring).getByRole('list', { name: 'Changes to Spring' });
    expect(
      within(springChanges)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Budget: $500.00 → $750.00', 'Status: Active → Paused']);
    expect(within(entry(tree, 'US')).getByText('Create')).toBeTruthy();
    expect(within(entry(tree, 'Teaser')).getByText('Skip')).toBeTruthy();
    const euChanges = within(entry(tree, 'EU')).getByRole('list', { name: 'Changes to EU' });
    expect(
      within(euChanges)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Locations: France → France, Germany, Spain and 2 more (5 locations)',
      'End time: 2026-12-01 00:00:00 UTC → —',
    ]);
    expect(within(dialog).getByText('Ad group “US” · Budget: Under $20 a day.')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish 3 changes' }));
    expect(await screen.findByRole('dialog', { name: 'Publish' })).toBeTruthy();
    expect(requestsTo(publishRoutes.start)[0]?.body).toEqual({ version: 3 });
    expect(onPublish).toHaveBeenCalledWith(expect.objectContaining({ id: publishAnswer().id }));
  });

  it('says there is nothing to publish when TikTok has everything, and holds the confirm', async () => {
    const items = springPlan().map((item) => ({ ...item, action: 'skip' as const, changes: [] }));
    const { requestsTo } = mockPublishApi({
      [publishRoutes.preview]: () => jsonResponse(previewAnswer({ items })),
    });
    await renderPublishButton();

    const dialog = await openPreview();
    expect(
      await within(dialog).findByText(/^Nothing to publish — TikTok already has all of this/),
    ).toBeTruthy();
    expect(within(dialog).getByText('4 unchanged')).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: 'Publish' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(confirm);
    expect(requestsTo(publishRoutes.start)).toEqual([]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks for approval when the publish breaks a guardrail', async () => {
    const breach = 'Ad group “US” would spend 900.00 a day; the workspace’s limit is 500.00.';
    mockPublishApi({
      [publishRoutes.preview]: () => jsonResponse(previewAnswer({ guardrailBreaches: [breach] })),
    });
    await renderPublishButton();

    const dialog = await openPreview();
    const notice = (await within(dialog).findByText(/needs approval by another owner or admin/))
      .parentElement!;
    expect(within(notice).getByText(breach)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Request approval' })).toBeTruthy();
  });

  it('says in words that someone saved a newer version, and leads to it', async () => {
    mockPublishApi({ [publishRoutes.preview]: () => conflictResponse('draft_conflict') });
    const onNewerVersion = vi.fn();
    await renderPublishButton({ onNewerVersion });

    const dialog = await openPreview();
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Someone saved this draft after you opened it.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'See the newer version' }));
    expect(onNewerVersion).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Publish preview' })).toBeNull());
  });

  it('lists the errors the server still finds when the publish is refused', async () => {
    mockPublishApi({
      [publishRoutes.preview]: () => jsonResponse(previewAnswer()),
      [publishRoutes.start]: () =>
        errorResponse(422, 'draft_invalid', {
          issues: [{ path: 'nodes.us.budget', message: 'Ad group “US” · Budget: Enter a budget.' }],
        }),
    });
    await renderPublishButton();

    const dialog = await openPreview();
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Publish 3 changes' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The draft still has errors.');
    expect(within(alert).getByText('Ad group “US” · Budget: Enter a budget.')).toBeTruthy();
  });
});

describe('following a publish', () => {
  const [spring, us, eu, teaser] = springPlan() as [PlanItem, PlanItem, PlanItem, PlanItem];

  it('shows each item’s state, then the failures with their field, and retries what failed', async () => {
    const running = publishAnswer({
      state: 'running',
      items: [
        publishItem(spring, { state: 'confirmed' }),
        publishItem(us, { state: 'sending' }),
        publishItem(eu),
        publishItem(teaser),
      ],
    });
    const failed = publishAnswer({
      state: 'failed',
      finishedAt: new Date().toISOString(),
      items: [
        publishItem(spring, { state: 'confirmed' }),
        publishItem(us, { state: 'confirmed', tiktokId: '1800000000000000021' }),
        publishItem(eu, {
          state: 'failed',
          error: 'TikTok refused it. Locations: not available for this objective.',
          errorField: 'locations',
        }),
        publishItem(teaser),
      ],
    });
    const retried = publishAnswer({
      id: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
      state: 'queued',
      items: [publishItem({ ...eu, action: 'update' })],
    });
    let reads = 0;
    const { requestsTo } = mockPublishApi({
      [publishRoutes.preview]: () => jsonResponse(previewAnswer()),
      [publishRoutes.start]: () => jsonResponse(reads === 0 ? running : retried, 202),
      [publishRoutes.publish()]: () => jsonResponse((reads += 1) === 1 ? running : failed),
      [publishRoutes.publish(retried.id)]: () => jsonResponse(retried),
      [publishRoutes.draft]: () => jsonResponse(draftAnswer({ version: 4 })),
    });
    await renderPublishButton();

    const preview = await openPreview();
    fireEvent.click(await within(preview).findByRole('button', { name: 'Publish 3 changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish' });
    expect(await within(dialog).findByText('Publishing to TikTok…')).toBeTruthy();
    expect(within(dialog).getByText('1 of 3 sent')).toBeTruthy();
    const tree = within(dialog).getByRole('group', { name: 'Where each item stands' });
    expect(within(entry(tree, 'US')).getByText('Sending…')).toBeTruthy();
    expect(within(entry(tree, 'EU')).getAllByText('Waiting')[0]).toBeTruthy();

    expect(await within(dialog).findByText('1 of 3 failed')).toBeTruthy();
    expect(within(dialog).getByText('Published: 1 created, 1 updated.')).toBeTruthy();
    const failures = within(dialog).getByRole('heading', { name: 'What failed' }).parentElement!;
    const failure = within(failures).getByText('Ad group “EU”').closest('li')!;
    expect(failure.textContent).toContain('Failed: TikTok refused it. Locations: not available');
    expect(failure.textContent).toContain('Field: Locations');
    expect(within(entry(tree, 'US')).getByText('Created (TikTok ID 1800000000000000021)')).toBeTruthy();
    expect(within(entry(tree, 'Teaser')).getByText('Unchanged')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(requestsTo(publishRoutes.start)).toHaveLength(2));
    expect(requestsTo(publishRoutes.draft)).toHaveLength(1);
    expect(requestsTo(publishRoutes.start)[1]?.body).toEqual({ version: 4 });
    expect(await within(dialog).findByText('Queued: sending starts in a moment.')).toBeTruthy();
    expect(within(dialog).getByText('0 of 1 sent')).toBeTruthy();
  });

  it('says a blocked publish waits for a reconnect, linking to Integrations', async () => {
    const blocked = publishAnswer({
      state: 'blocked',
      blockedReason: 'TikTok no longer accepts the connection to Northwind.',
    });
    const { requestsTo } = mockPublishApi({ [publishRoutes.publish()]: () => jsonResponse(blocked) });
    // The connections as read before the publish: "Connected", fresh in the cache.
    const connections = queryKeys.tiktokConnections(workspaceIds.acme);
    queryClient.setQueryData(connections, connectedAnswer());
    await renderPublishButton({ activePublishId: blocked.id });

    fireEvent.click(screen.getByRole('button', { name: 'View publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish' });
    expect(await within(dialog).findByText(blocked.blockedReason!)).toBeTruthy();
    const link = within(dialog).getByRole('link', { name: 'Reconnect in Integrations' });
    expect(link.getAttribute('href')).toBe('/integrations');
    expect(link.parentElement?.textContent).toContain('the publish then goes on by itself');
    // They are read again, fresh as they were: Integrations must not show the connection the
    // publish found broken as Connected.
    await waitFor(() => expect(requestsTo(publishRoutes.connections).length).toBeGreaterThan(0));
  });

  it('shows a publish held for approval with what it breaks, and who rejected one', async () => {
    const breach = 'Campaign “Spring” budget would rise from 500.00 to 750.00 (+50%); the limit is +20%.';
    let state: 'awaiting_approval' | 'rejected' = 'awaiting_approval';
    mockPublishApi({
      [publishRoutes.publish()]: () =>
        jsonResponse(
          publishAnswer({
            state,
            guardrailBreaches: [breach],
            reviewedBy: state === 'rejected' ? { id: 'grace', name: 'Grace Hopper' } : null,
          }),
        ),
    });
    await renderPublishButton({ activePublishId: publishAnswer().id });

    fireEvent.click(screen.getByRole('button', { name: 'View publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish' });
    expect(await within(dialog).findByText(/^Waiting for approval by another owner or admin/)).toBeTruthy();
    expect(within(dialog).getByText(breach)).toBeTruthy();

    state = 'rejected';
    expect(
      await within(dialog).findByText('Rejected by Grace Hopper. Nothing was sent to TikTok.', undefined, {
        timeout: 8000,
      }),
    ).toBeTruthy();
  });
});
