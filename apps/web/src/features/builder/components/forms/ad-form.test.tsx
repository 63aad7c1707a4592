import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AdNode, Identity } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { imageItem, mediaItem, filteredLibrary, mediaRoutes } from '../../../../testing/media';
import { errorResponse, jsonResponse, mockApi } from '../../../../testing/mock-api';
import { ad, adGroup, campaign, catalogRoutes, published, renderNodeForm } from './forms.testing';

const describedText = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

const brandAccount: Identity = {
  type: 'BC_AUTH_TT',
  id: '6900000000000000001',
  displayName: 'northwind.official',
  imageUrl: null,
};
const summer = mediaItem();
const banner = imageItem();

const draft = (settings: Partial<AdNode['settings']> = {}) => [
  campaign('c1'),
  adGroup('g1', 'c1'),
  ad('a1', 'g1', settings),
];

describe('the ad form', () => {
  it('sets the creative from the library picker, and shows it in the preview', async () => {
    const { requests } = mockApi({
      [catalogRoutes.identities()]: () => jsonResponse({ identities: [] }),
      [mediaRoutes.library]: filteredLibrary([summer, banner]),
    });
    const { lastSent } = renderNodeForm(draft(), 'a1');
    expect(describedText(screen.getByRole('button', { name: 'Select from Library' }))).toBe(
      'Choose a video from the library.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Select from Library' }));
    const dialog = screen.getByRole('dialog', { name: 'Select from Library' });
    fireEvent.click(await within(dialog).findByRole('radio', { name: /summer-sale\.mp4/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Select' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(lastSent<AdNode>().settings.creative).toEqual({
      kind: 'video',
      materialId: summer.mediaId,
      fileName: 'summer-sale.mp4',
      sha256: null,
      width: 1080,
      height: 1920,
      coverImageId: null,
    });
    expect(screen.getByText('summer-sale.mp4 · 1080×1920')).toBeTruthy();
    const preview = screen.getByRole('figure', { name: 'Ad preview' });
    expect(within(preview).getByRole('img').getAttribute('src')).toBe(summer.coverUrl);
    const library = requests.find((request) => request.path.endsWith('/media'));
    expect(Object.fromEntries(library!.query)).toMatchObject({ kind: 'video' });
    expect(screen.getByRole('button', { name: 'Replace from Library' })).toBeTruthy();
  });

  it('creates a custom identity and shows the ad under it', async () => {
    const created: Identity = {
      type: 'CUSTOMIZED_USER',
      id: '7311000000000000001',
      displayName: 'Northwind Outdoors',
      imageUrl: null,
    };
    const { requests } = mockApi({
      [catalogRoutes.identities()]: () => jsonResponse({ identities: [brandAccount] }),
      [catalogRoutes.createIdentity()]: () => jsonResponse(created, 201),
    });
    const { lastSent } = renderNodeForm(draft(), 'a1');
    await within(screen.getByRole('combobox', { name: 'Identity' })).findByRole('option', {
      name: 'northwind.official · Business Center TikTok account',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Create custom identity' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(describedText(screen.getByRole('textbox', { name: 'Identity name' }))).toBe(
      'Enter the name people see on the ad.',
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Identity name' }), {
      target: { value: 'Northwind Outdoors' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(lastSent<AdNode>().settings).toMatchObject({
        identity: { type: 'CUSTOMIZED_USER', id: created.id, displayName: 'Northwind Outdoors' },
        displayName: 'Northwind Outdoors',
      }),
    );
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      displayName: 'Northwind Outdoors',
    });
    expect(screen.queryByRole('textbox', { name: 'Identity name' })).toBeNull();
    expect((screen.getByRole('combobox', { name: 'Identity' }) as HTMLSelectElement).value).toBe(
      `CUSTOMIZED_USER:${created.id}`,
    );
    expect(
      within(screen.getByRole('figure', { name: 'Ad preview' })).getByText('@Northwind Outdoors'),
    ).toBeTruthy();
  });

  it('updates the preview as the ad’s words change, with counters against TikTok’s limits', () => {
    mockApi({ [catalogRoutes.identities()]: () => jsonResponse({ identities: [] }) });
    const { lastSent } = renderNodeForm(draft(), 'a1');
    const preview = screen.getByRole('figure', { name: 'Ad preview' });
    const text = screen.getByRole('textbox', { name: 'Ad text' });
    expect(describedText(text)).toBe('Write the ad text. 0/100');

    fireEvent.change(text, { target: { value: 'Summer sale: 30% off tents' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Display name' }), {
      target: { value: 'Northwind' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Call to action' }), {
      target: { value: 'SHOP_NOW' },
    });

    expect(within(preview).getByText('Summer sale: 30% off tents')).toBeTruthy();
    expect(within(preview).getByText('@Northwind')).toBeTruthy();
    expect(within(preview).getByText('Shop now')).toBeTruthy();
    expect(describedText(text)).toBe('26/100');
    expect(screen.getByText('9/40')).toBeTruthy();
    expect(lastSent<AdNode>().settings).toMatchObject({
      adText: 'Summer sale: 30% off tents',
      displayName: 'Northwind',
      callToAction: 'SHOP_NOW',
    });
  });

  it('keeps the format of a published ad, and lets its creative and words change', () => {
    mockApi({ [catalogRoutes.identities()]: () => jsonResponse({ identities: [] }) });
    const publishedAd = published(
      ad('a1', 'g1', {
        adText: 'Hello',
        identity: { type: 'BC_AUTH_TT', id: brandAccount.id, displayName: 'x' },
      }),
      '1600000000000000001',
    );
    renderNodeForm(
      [
        published(campaign('c1'), '1800000000000000001'),
        published(adGroup('g1', 'c1'), '1700000000000000001'),
        publishedAd,
      ],
      'a1',
    );
    const video = screen.getByRole('radio', { name: 'Single video' }) as HTMLInputElement;
    expect(video.disabled).toBe(true);
    expect(describedText(screen.getByRole('group', { name: 'Format' }))).toBe(
      'Can’t change after publishing — duplicate instead.',
    );
    expect((screen.getByRole('button', { name: 'Select from Library' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
    expect((screen.getByRole('textbox', { name: 'Ad text' }) as HTMLTextAreaElement).disabled).toBe(false);
    expect(screen.queryByRole('textbox', { name: 'Display name' })).toBeNull();
  });

  it('keeps working when TikTok’s identities can’t be loaded', async () => {
    mockApi({ [catalogRoutes.identities()]: () => errorResponse(403, 'tiktok_permission_denied') });
    renderNodeForm(draft(), 'a1');
    const words = await screen.findByText(/^Couldn’t load TikTok’s identities/);
    expect(words.textContent).toBe('Couldn’t load TikTok’s identities — retry');
    expect(screen.getByText(/TikTok refused: your TikTok role doesn’t allow this/)).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Ad text' }) as HTMLTextAreaElement).disabled).toBe(false);
  });
});
