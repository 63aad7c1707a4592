import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { signedInSession } from '../../testing/fixtures';
import { mockApi } from '../../testing/mock-api';
import { renderApp } from '../../testing/render-app';

const itemNames = ['Campaigns', 'Media', 'Reports', 'Integrations', 'Settings'];

/** jsdom has no layout: answer every media query as a window of `width` CSS pixels would. */
function stubWindowWidth(width: number) {
  const rootFontSize = 16;
  vi.stubGlobal('matchMedia', (query: string) => {
    const maximum = /max-width:\s*([\d.]+)rem/.exec(query);
    return {
      matches: maximum ? width <= Number(maximum[1]) * rootFontSize : false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
  });
}

const navigation = () => screen.getByRole('navigation', { name: 'Main' });
const menuButton = () => within(navigation()).getByRole('button', { name: 'Menu' });

describe('main navigation on a narrow screen', () => {
  it('keeps every link behind a Menu button that opens and closes the list', async () => {
    stubWindowWidth(390);
    mockApi({});
    await renderApp('/media', signedInSession());

    const button = menuButton();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const list = document.getElementById(button.getAttribute('aria-controls')!);
    expect(list, 'the button controls the list').toBeTruthy();
    expect(within(navigation()).queryByRole('link')).toBeNull();

    fireEvent.click(button);

    expect(button.getAttribute('aria-expanded')).toBe('true');
    for (const name of itemNames) expect(within(list!).getByRole('link', { name })).toBeTruthy();
    expect(within(list!).getByRole('link', { name: 'Media' }).getAttribute('aria-current')).toBe('page');

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(within(navigation()).queryByRole('link')).toBeNull();
  });

  it('closes on Escape and puts focus back on the Menu button', async () => {
    stubWindowWidth(390);
    mockApi({});
    await renderApp('/campaigns', signedInSession());

    fireEvent.click(menuButton());
    const link = within(navigation()).getByRole('link', { name: 'Reports' });
    link.focus();
    fireEvent.keyDown(link, { key: 'Escape' });

    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menuButton());
    expect(within(navigation()).queryByRole('link')).toBeNull();
  });

  it('closes once an item is chosen, and marks the new page as current', async () => {
    stubWindowWidth(390);
    mockApi({});
    const { router } = await renderApp('/campaigns', signedInSession());

    fireEvent.click(menuButton());
    fireEvent.click(within(navigation()).getByRole('link', { name: 'Reports' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/reports');
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menuButton());
    await waitFor(() =>
      expect(within(navigation()).getByRole('link', { name: 'Reports' }).getAttribute('aria-current')).toBe(
        'page',
      ),
    );
  });
});

describe('main navigation on a wide screen', () => {
  it('shows every link as a list, with no Menu button', async () => {
    stubWindowWidth(1280);
    mockApi({});
    await renderApp('/settings', signedInSession());

    expect(within(navigation()).queryByRole('button')).toBeNull();
    for (const name of itemNames) expect(within(navigation()).getByRole('link', { name })).toBeTruthy();
    expect(within(navigation()).getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });
});
