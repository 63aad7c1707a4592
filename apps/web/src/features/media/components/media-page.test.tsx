import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  advertiserIds,
  signedInSession,
  tiktokAccount,
  tiktokConnection,
  tiktokConnectionsAnswer,
} from '../../../testing/fixtures';
import {
  imageItem,
  mediaAccount,
  mediaItem,
  mediaRoutes,
  mockMediaApi,
  northwindAccounts,
} from '../../../testing/media';
import { jsonResponse } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const summer = mediaItem();
const banner = imageItem();
const draft = mediaItem({
  mediaId: 'v10033g50000draft',
  fileName: 'draft-cut.mp4',
  displayable: false,
  durationSeconds: 31,
  width: 1920,
  height: 1080,
  dimensions: '1920×1080 (16:9)',
  ratio: '16:9',
  usedByAds: null,
});

async function openMedia(search = '') {
  const view = await renderApp(`/media${search}`, signedInSession());
  await screen.findByRole('heading', { name: 'Media', level: 1 });
  return view;
}

const tile = (name: RegExp) => screen.findByRole('button', { name });

describe('the Media page when there is nothing to show', () => {
  it('says TikTok isn’t connected and links to Integrations, asking for no library', async () => {
    const { requestsTo } = mockMediaApi({ connections: tiktokConnectionsAnswer([]) });
    await openMedia();

    const empty = (await screen.findByRole('heading', { name: 'TikTok isn’t connected' })).closest(
      'section',
    )!;
    expect(within(empty).getByRole('link', { name: 'Go to Integrations' }).getAttribute('href')).toBe(
      '/integrations',
    );
    expect(requestsTo(mediaRoutes.accounts)).toEqual([]);
    expect(requestsTo(mediaRoutes.library)).toEqual([]);
  });

  it('asks to choose ad accounts when the workspace uses none', async () => {
    mockMediaApi({
      connections: tiktokConnectionsAnswer([
        tiktokConnection({ accounts: [tiktokAccount({ selected: false })] }),
      ]),
    });
    await openMedia();

    const empty = (await screen.findByRole('heading', { name: 'No ad accounts chosen' })).closest('section')!;
    expect(empty.textContent).toContain('doesn’t use any of its ad accounts yet');
    expect(within(empty).getByRole('link', { name: 'Choose ad accounts' }).getAttribute('href')).toBe(
      '/integrations',
    );
  });
});

describe('the Media library', () => {
  it('shows the default account’s items as thumbnails, with lengths and what TikTok still processes', async () => {
    const { libraryRequests } = mockMediaApi({ items: [summer, banner, draft] });
    await openMedia();

    const summerTile = await tile(/summer-sale\.mp4/);
    expect(libraryRequests()).toEqual([{ account: advertiserIds.us }]);
    const account = screen.getByRole('combobox', { name: 'Ad account' }) as HTMLSelectElement;
    expect(account.value).toBe(advertiserIds.us);
    expect(account.selectedOptions[0]?.textContent).toBe('Northwind US (default)');
    // The state line describes the Refresh button it sits beside.
    expect(
      screen.getByRole('button', {
        name: 'Refresh',
        description: '2 images, 3 videos · Last synced 5 minutes ago',
      }),
    ).toBeTruthy();

    expect(summerTile.textContent).toContain('0:15');
    expect(summerTile.querySelector('img')?.getAttribute('src')).toBe(summer.coverUrl);
    const bannerTile = await tile(/banner\.png/);
    expect(bannerTile.querySelector('img')?.getAttribute('src')).toBe(banner.previewUrl);
    expect(bannerTile.textContent).toContain('Image · 1080 × 1080 · 1:1');
    expect((await tile(/draft-cut\.mp4/)).textContent).toContain('Processing');
    expect(summerTile.textContent).not.toContain('Processing');
  });

  it('asks the server again as the account, type, ratio, days and name change, and keeps them in the URL', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-10T12:00:00Z') });
    const { libraryRequests } = mockMediaApi({ items: [summer, banner] });
    const { router } = await openMedia();
    await tile(/summer-sale\.mp4/);

    fireEvent.change(screen.getByRole('combobox', { name: 'Ad account' }), {
      target: { value: advertiserIds.eu },
    });
    await waitFor(() => expect(libraryRequests().at(-1)).toEqual({ account: advertiserIds.eu }));

    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'video' } });
    await waitFor(() => expect(libraryRequests().at(-1)?.kind).toBe('video'));
    await waitFor(() => expect(screen.queryByRole('button', { name: /banner\.png/ })).toBeNull());

    fireEvent.change(screen.getByRole('combobox', { name: 'Ratio' }), { target: { value: '9:16' } });
    await waitFor(() => expect(libraryRequests().at(-1)?.ratio).toBe('9:16'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Uploaded' }), {
      target: { value: 'last-7-days' },
    });
    await waitFor(() => expect(libraryRequests().at(-1)?.from).toBe('2026-03-04'));

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by name' }), {
      target: { value: 'summer' },
    });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() =>
      expect(libraryRequests().at(-1)).toEqual({
        account: advertiserIds.eu,
        kind: 'video',
        ratio: '9:16',
        q: 'summer',
        from: '2026-03-04',
      }),
    );
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
      account: advertiserIds.eu,
      kind: 'video',
      ratio: '9:16',
      q: 'summer',
      uploaded: 'last-7-days',
    });
    vi.useRealTimers();
  });
});

describe('paging through a library', () => {
  it('loads the next page with the cursor the last one answered, below the items already shown', async () => {
    const { libraryRequests } = mockMediaApi({
      items: ({ query }) =>
        jsonResponse(
          query.get('after') === 'page-2'
            ? { account: mediaAccount(), items: [banner], nextCursor: null }
            : { account: mediaAccount(), items: [summer], nextCursor: 'page-2' },
        ),
    });
    await openMedia();
    await tile(/summer-sale\.mp4/);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    await tile(/banner\.png/);
    expect(libraryRequests().at(-1)).toEqual({ account: advertiserIds.us, after: 'page-2' });
    const names = within(screen.getByRole('list', { name: 'Images and videos' }))
      .getAllByRole('button')
      .map((button) => button.querySelector('.media-tile__name')?.textContent);
    expect(names).toEqual(['summer-sale.mp4', 'banner.png']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('offers to clear filters that match nothing', async () => {
    const { libraryRequests } = mockMediaApi({ items: [banner] });
    const { router } = await openMedia('?kind=video&ratio=16:9');

    fireEvent.click(await screen.findByRole('button', { name: 'Clear filters' }));

    await tile(/banner\.png/);
    expect(libraryRequests().at(-1)).toEqual({ account: advertiserIds.us });
    expect(router.state.location.search).toBe('');
  });
});

describe('the library’s state', () => {
  it('refreshes the account from TikTok, says it is importing, and shows what the import brought', async () => {
    let accounts = northwindAccounts();
    let items = [summer];
    const { requestsTo } = mockMediaApi({
      accounts: () => jsonResponse({ accounts }),
      items: () => jsonResponse({ account: accounts[0], items, nextCursor: null }),
      handlers: {
        [mediaRoutes.refresh]: () => {
          accounts = [mediaAccount({ state: 'importing' }), accounts[1]!];
          return jsonResponse({ accounts }, 202);
        },
      },
    });
    await openMedia();
    await tile(/summer-sale\.mp4/);

    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByText('Importing from TikTok…')).toBeTruthy();
    expect(requestsTo(mediaRoutes.refresh)[0]?.body).toEqual({ advertiserIds: [advertiserIds.us] });
    accounts = [mediaAccount({ images: 3 }), accounts[1]!];
    items = [banner, summer];
    // The next poll finds the import over: the library is read again.
    expect(await tile(/banner\.png/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh', description: /3 images, 3 videos/ })).toBeTruthy();
  });

  it('says why the last refresh failed', async () => {
    mockMediaApi({
      accounts: [mediaAccount({ state: 'failed', error: 'TikTok no longer accepts this connection.' })],
      items: [summer],
    });
    await openMedia();

    expect(
      await screen.findByRole('button', {
        name: 'Refresh',
        description: /The last refresh failed: TikTok no longer accepts this connection\./,
      }),
    ).toBeTruthy();
  });
});
