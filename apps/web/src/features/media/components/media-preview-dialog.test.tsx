import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { signedInSession } from '../../../testing/fixtures';
import { imageItem, mediaItem, mockMediaApi } from '../../../testing/media';
import { renderApp } from '../../../testing/render-app';

describe('the Media preview', () => {
  it('plays a video from TikTok’s preview link, with its cover, facts and a TikTok ID to copy', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    mockMediaApi({ items: [mediaItem()] });
    await renderApp('/media', signedInSession());

    const tile = await screen.findByRole('button', { name: /summer-sale\.mp4/ });
    // As a keyboard user opens it: focus on the tile, then press it.
    tile.focus();
    fireEvent.click(tile);

    const dialog = await screen.findByRole('dialog', { name: 'summer-sale.mp4' });
    const video = dialog.querySelector('video')!;
    expect(video.getAttribute('src')).toBe('https://tiktok.example/preview/summer-sale.mp4');
    expect(video.getAttribute('poster')).toBe('https://tiktok.example/cover/summer-sale.jpg');
    expect(video.hasAttribute('controls')).toBe(true);
    const facts = Object.fromEntries(
      within(dialog)
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(facts).toMatchObject({
      Dimensions: '1080 × 1920',
      Ratio: '9:16',
      Size: '12.4 MB',
      Duration: '0:15',
      'Used by': '3 ads',
      'TikTok ID': 'v10033g50000summer',
    });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy the TikTok ID' }));
    expect(writeText).toHaveBeenCalledWith('v10033g50000summer');
    await waitFor(() =>
      expect(within(dialog).getByRole('status').textContent).toBe('TikTok ID v10033g50000summer copied.'),
    );

    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(tile);
  });

  it('shows an image whole, and says a video TikTok still processes cannot go into an ad yet', async () => {
    mockMediaApi({
      items: [imageItem(), mediaItem({ mediaId: 'v2', fileName: 'draft.mp4', displayable: false })],
    });
    await renderApp('/media', signedInSession());

    fireEvent.click(await screen.findByRole('button', { name: /banner\.png/ }));
    const image = await screen.findByRole('img', { name: 'banner.png' });
    expect(image.getAttribute('src')).toBe('https://tiktok.example/image/banner.png');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));

    fireEvent.click(await screen.findByRole('button', { name: /draft\.mp4/ }));
    const dialog = await screen.findByRole('dialog', { name: 'draft.mp4' });
    expect(dialog.textContent).toContain(
      'TikTok is still processing this video: it can go into an ad once that is done.',
    );
  });
});
