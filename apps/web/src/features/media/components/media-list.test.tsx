import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signedInSession } from '../../../testing/fixtures';
import { imageItem, mediaItem, mockMediaApi } from '../../../testing/media';
import { renderApp } from '../../../testing/render-app';

describe('the Media list view', () => {
  it('shows each item’s facts in columns, and a dash where TikTok or the mirror knows nothing', async () => {
    mockMediaApi({ items: [mediaItem(), imageItem()] });
    const { router } = await renderApp('/media', signedInSession());
    await screen.findByRole('button', { name: /summer-sale\.mp4/ });

    fireEvent.click(screen.getByRole('button', { name: 'List' }));

    const table = await screen.findByRole('table');
    expect(screen.getByRole('button', { name: 'List' }).getAttribute('aria-pressed')).toBe('true');
    expect(router.state.location.search).toBe('?layout=list');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual([
      'Name',
      'Type',
      'Dimensions',
      'Ratio',
      'Size',
      'Duration',
      'Uploaded',
      'TikTok ID',
      'Used by',
    ]);
    const [, video, image] = within(table).getAllByRole('row');
    expect(cellsOf(video!)).toEqual([
      'summer-sale.mp4',
      'Video',
      '1080 × 1920',
      '9:16',
      '12.4 MB',
      '0:15',
      'Mar 1, 2026',
      'v10033g50000summer',
      '3 ads',
    ]);
    expect(cellsOf(image!)).toEqual([
      'banner.png',
      'Image',
      '1080 × 1080',
      '1:1',
      '0.8 MB',
      '—',
      'Mar 1, 2026',
      'ad-site-i-banner',
      '—',
    ]);
  });

  it('opens an item’s preview from its name', async () => {
    mockMediaApi({ items: [mediaItem()] });
    await renderApp('/media?layout=list', signedInSession());

    fireEvent.click(await screen.findByRole('button', { name: 'summer-sale.mp4' }));

    expect(await screen.findByRole('dialog', { name: 'summer-sale.mp4' })).toBeTruthy();
  });
});

function cellsOf(row: HTMLElement): string[] {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}
