import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MediaBatch } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { advertiserIds, signedInSession } from '../../../testing/fixtures';
import {
  imageItem,
  mediaAccount,
  mediaBatch,
  mediaItem,
  mediaUpload,
  mockMediaApi,
  sha256Of,
} from '../../../testing/media';
import { jsonResponse } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

describe('the Media page’s uploads', () => {
  it('shows a batch still uploading after the page was left, each upload on demand, and its files once it finishes', async () => {
    const uploading = mediaUpload({
      sha256: sha256Of(7),
      fileName: 'logo.png',
      state: 'uploading',
      bytes: 100,
      bytesSent: 60,
    });
    const ready = mediaUpload({
      sha256: sha256Of(7),
      fileName: 'logo.png',
      advertiserId: advertiserIds.eu,
      state: 'ready',
    });
    let batch: MediaBatch = mediaBatch([ready, uploading]);
    let items = [mediaItem()];
    const { libraryRequests } = mockMediaApi({
      batches: () => jsonResponse({ batches: [batch] }),
      items: () => jsonResponse({ account: mediaAccount(), items, nextCursor: null }),
    });
    await renderApp('/media', signedInSession());

    const panel = (await screen.findByRole('heading', { name: 'Uploads' })).closest('section')!;
    expect(panel.textContent).toContain(
      'Started 1 minute ago by Ada Lovelace · 2 uploads: 1 ready, 1 uploading',
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Show each upload' }));
    const table = within(panel).getByRole('table');
    expect(within(table).getByRole('row', { name: /Northwind US/ }).textContent).toContain('Uploading 60 %');
    expect(within(table).getByRole('row', { name: /Northwind EU/ }).textContent).toContain('Ready');
    const libraryReads = libraryRequests().length;

    batch = mediaBatch([ready, { ...uploading, state: 'ready', bytesSent: 100, mediaId: 'ad-site-i-logo' }]);
    items = [imageItem({ mediaId: 'ad-site-i-logo', fileName: 'logo.png' }), mediaItem()];

    // The next poll finds the batch finished: the library is read again and shows the new file.
    expect(await screen.findByRole('button', { name: /logo\.png/ })).toBeTruthy();
    expect(libraryRequests().length).toBeGreaterThan(libraryReads);
    await waitFor(() => expect(panel.textContent).toContain('2 uploads: 2 ready'));
  });

  it('comes back open on a batch that failed, its shared reason said once, with Retry failed', async () => {
    const reason =
      'The TikTok connection needs attention. Reconnect it in Integrations, then use Retry failed.';
    const failed = (advertiserId: string) =>
      mediaUpload({
        sha256: sha256Of(8),
        fileName: 'sale.png',
        advertiserId,
        state: 'failed',
        error: { code: 'reconnect', message: reason },
      });
    const batch = mediaBatch([failed(advertiserIds.us), failed(advertiserIds.eu)]);
    mockMediaApi({ batches: () => jsonResponse({ batches: [batch] }) });
    await renderApp('/media', signedInSession());

    const panel = (await screen.findByRole('heading', { name: 'Uploads' })).closest('section')!;
    expect(await within(panel).findByRole('button', { name: 'Hide each upload' })).toBeTruthy();
    expect(panel.textContent).toContain(`Every upload failed: ${reason}`);
    const states = within(within(panel).getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.lastElementChild?.textContent);
    expect(states).toEqual(['Failed', 'Failed']);
    expect(within(panel).getByRole('button', { name: 'Retry failed' })).toBeTruthy();
  });
});
