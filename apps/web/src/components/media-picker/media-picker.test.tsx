import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MediaItem } from '@whathead/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from '../../lib/query-client';
import { queryKeys } from '../../lib/query-keys';
import { advertiserIds, signedInSession, workspaceIds } from '../../testing/fixtures';
import {
  acceptedCheck,
  batchId,
  imageItem,
  mediaAccount,
  mediaBatch,
  mediaItem,
  mediaRoutes,
  mediaUpload,
  mockMediaApi,
  sha256Of,
} from '../../testing/media';
import { fakeObjectUrls, fileOf, routeUploadRequestsThroughFetch } from '../../testing/file-uploads';
import { jsonResponse } from '../../testing/mock-api';
import { MediaPicker, type MediaPickerProps } from './media-picker';

const summer = mediaItem();
const summerSquare = mediaItem({
  mediaId: 'v10033g50000square',
  fileName: 'summer-square.mp4',
  width: 1080,
  height: 1080,
  dimensions: '1080×1080 (1:1)',
  ratio: '1:1',
});
const winter = mediaItem({ mediaId: 'v10033g50000winter', fileName: 'winter.mp4' });
const processing = mediaItem({
  mediaId: 'v10033g50000fresh',
  fileName: 'summer-fresh.mp4',
  displayable: false,
});
const banner = imageItem();

/** The picker alone, as the campaign builder will open it. */
function openPicker(props: Partial<MediaPickerProps> = {}) {
  queryClient.setQueryData(queryKeys.session, signedInSession());
  const onSelect = vi.fn<(item: MediaItem) => void>();
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <MediaPicker
        workspaceId={workspaceIds.acme}
        advertiserId={advertiserIds.us}
        onSelect={onSelect}
        onClose={onClose}
        {...props}
      />
    </QueryClientProvider>,
  );
  return { onSelect, onClose, dialog: screen.getByRole('dialog', { name: 'Select from Library' }) };
}

const search = (dialog: HTMLElement, text: string) => {
  fireEvent.change(within(dialog).getByRole('searchbox', { name: 'Search by name' }), {
    target: { value: text },
  });
  fireEvent.submit(within(dialog).getByRole('search'));
};

beforeEach(() => routeUploadRequestsThroughFetch());

describe('Select from Library', () => {
  it('finds items by name and ratio, and hands back the one chosen', async () => {
    const { libraryRequests } = mockMediaApi({ items: [summer, summerSquare, winter, processing, banner] });
    const { dialog, onSelect } = openPicker();
    expect(document.activeElement).toBe(within(dialog).getByRole('searchbox', { name: 'Search by name' }));
    await within(dialog).findByRole('radio', { name: /winter\.mp4/ });

    search(dialog, 'summer');
    await waitFor(() => expect(within(dialog).queryByRole('radio', { name: /winter\.mp4/ })).toBeNull());
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Ratio' }), { target: { value: '1:1' } });
    await waitFor(() => expect(within(dialog).queryByRole('radio', { name: /summer-sale\.mp4/ })).toBeNull());

    expect(libraryRequests().at(-1)).toEqual({ account: advertiserIds.us, q: 'summer', ratio: '1:1' });
    const square = within(dialog).getByRole('radio', { name: /summer-square\.mp4/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Select' }));
    expect(onSelect).not.toHaveBeenCalled();
    fireEvent.click(square);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Select' }));
    expect(onSelect).toHaveBeenCalledWith(summerSquare);
  });

  it('keeps what TikTok still processes out of reach, saying why', async () => {
    mockMediaApi({ items: [summer, processing] });
    const { dialog } = openPicker();

    const fresh = await within(dialog).findByRole('radio', { name: /summer-fresh\.mp4/ });
    expect((fresh as HTMLInputElement).disabled).toBe(true);
    expect(fresh.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(fresh.getAttribute('aria-describedby')!)?.textContent).toBe(
      'TikTok is still processing it: it can go into an ad once that is done.',
    );
    expect(
      (within(dialog).getByRole('radio', { name: /summer-sale\.mp4/ }) as HTMLInputElement).disabled,
    ).toBe(false);
  });

  it('shows only the kind the ad takes, without offering another', async () => {
    const { libraryRequests } = mockMediaApi({ items: [summer, banner] });
    const { dialog } = openPicker({ kind: 'image' });

    await within(dialog).findByRole('radio', { name: /banner\.png/ });
    expect(libraryRequests()).toEqual([{ account: advertiserIds.us, kind: 'image' }]);
    expect(within(dialog).queryByRole('combobox', { name: 'Type' })).toBeNull();
    expect(within(dialog).queryByRole('radio', { name: /summer-sale\.mp4/ })).toBeNull();
  });

  it('uploads to its one account from inside, then goes back to the library with the new file', async () => {
    fakeObjectUrls();
    let items = [summer];
    const batch = mediaBatch([mediaUpload({ sha256: sha256Of(9), fileName: 'autumn.mp4', state: 'ready' })]);
    const { requestsTo } = mockMediaApi({
      items: () => jsonResponse({ account: mediaAccount(), items, nextCursor: null }),
      handlers: {
        [mediaRoutes.check]: () => jsonResponse(acceptedCheck('autumn.mp4', 9)),
        [mediaRoutes.createBatch]: () => {
          items = [mediaItem({ mediaId: 'v-autumn', fileName: 'autumn.mp4' }), summer];
          return jsonResponse(batch, 201);
        },
        [mediaRoutes.batch(batchId)]: () => jsonResponse(batch),
      },
    });
    const { dialog } = openPicker();
    await within(dialog).findByRole('radio', { name: /summer-sale\.mp4/ });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    expect(await within(dialog).findByRole('heading', { name: 'Upload images and videos' })).toBeTruthy();
    expect(within(dialog).getByText(/Uploads go to/).textContent).toBe('Uploads go to Northwind US.');
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText(/choose files/), {
      target: { files: [fileOf('autumn.mp4', 'video/mp4', 1024)] },
    });
    await within(dialog).findByText('Files checked: 1 file can be uploaded.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Confirm' }));

    expect(await within(dialog).findByText('Ready')).toBeTruthy();
    expect(requestsTo(mediaRoutes.createBatch)[0]?.body).toEqual({
      files: [{ sha256: sha256Of(9), fileName: 'autumn.mp4' }],
      advertiserIds: [advertiserIds.us],
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Back to library' }));
    expect(await within(dialog).findByRole('radio', { name: /autumn\.mp4/ })).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Upload' }));
  });
});
