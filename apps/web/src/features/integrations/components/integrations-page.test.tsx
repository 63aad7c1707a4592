import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CheckTikTokConnectionResponse, TikTokConnection } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import {
  signedInSession,
  tiktokAccount,
  tiktokConnection,
  tiktokConnectionsAnswer,
  tiktokGrant,
  tiktokIds,
} from '../../../testing/fixtures';
import { fakePopup, jsonResponse, mockApi } from '../../../testing/mock-api';
import { queryClient } from '../../../lib/query-client';
import { renderApp } from '../../../testing/render-app';
import {
  accountsRoute,
  announce,
  authorizationUrl,
  connectionsRoute,
  mockCard,
  noGrants,
  openCard,
  pressEscape,
  tiktok,
} from '../../../testing/tiktok-card';

describe('the TikTok card', () => {
  it('says when accounts appeared, were lost, or a permission is missing, naming the box on TikTok’s page', async () => {
    const base = tiktokConnection();
    const lost = tiktokAccount({ selected: true, accessible: false, usable: false });
    const fresh = tiktokAccount({
      advertiserId: '7200000000000000015',
      name: 'Northwind Pop-up',
      isNew: true,
    });
    const permissions = base.permissions.map((permission) =>
      permission.key === 'creative_management' || permission.key === 'business_center_access'
        ? { ...permission, granted: false, enables: 'Upload and manage creative assets in the media library' }
        : permission,
    );
    mockCard([{ ...base, accounts: [lost, fresh], newAccountsAvailable: 1, permissions }]);
    const card = await openCard();
    expect(await within(card).findByText(/1 new ad account available/)).toBeTruthy();
    expect(within(card).getByText('No longer accessible')).toBeTruthy();
    const gaps = within(card).getByRole('list', { name: /missing permissions/ });
    expect(gaps.textContent).toContain(
      'Creative Management is missing: it is needed to upload and manage creative assets in the media library. Reconnect and tick Creative Management on TikTok’s page.',
    );
    expect(gaps.textContent).toContain('tick Business Center (under Ad Account Management) on TikTok’s page');
  });

  it('offers Connect when nothing is connected', async () => {
    mockCard([]);
    const card = await openCard();
    expect(await within(card).findByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(within(card).getByText('Not connected')).toBeTruthy();
    expect(within(card).getByText('http://localhost:3000/api/integrations/tiktok/callback')).toBeTruthy();
  });

  it('keeps the name Add Another Account, with “another Business Center” beside it', async () => {
    mockCard([tiktokConnection()]);
    const card = await openCard();
    const add = await within(card).findByRole('button', { name: 'Add Another Account' });
    expect(add.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(add.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /another Business Center/,
    );
  });

  it('explains a connection that needs attention, offers Reconnect, and shows no permission as granted', async () => {
    mockCard([
      tiktokConnection({
        status: 'needs_attention',
        attention: { cause: 'token_revoked', message: 'The access Whathead had was removed at TikTok.' },
      }),
    ]);
    const card = await openCard();
    expect(await within(card).findByText('The access Whathead had was removed at TikTok.')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Reconnect' })).toBeTruthy();
    const chips = within(card).getByRole('list', { name: 'Permissions' });
    expect(chips.textContent).not.toContain('Granted:');
    expect(chips.querySelector('.permission--granted')).toBeNull();
    expect(within(chips).getAllByText('Not confirmed:')).toHaveLength(5);
    expect(within(card).getByText('Needs attention: Northwind Retail')).toBeTruthy();
  });

  it('shows Permission denied with the server’s message, the help page’s steps, Connect, and the view-only accounts', async () => {
    const message =
      'In Northwind Retail you have the Analyst role on its ad accounts, which can only view. Whathead needs the Admin or Operator role to create and edit campaigns.';
    const { requests } = mockCard([
      tiktokConnection({
        status: 'needs_attention',
        businessCenterRole: 'STANDARD',
        attention: { cause: 'permission_denied', message },
        accounts: [tiktokAccount({ readOnly: true, selected: true, role: 'ANALYST' })],
      }),
    ]);
    fakePopup();
    const card = await openCard();
    expect(await within(card).findByRole('heading', { name: 'Permission denied' })).toBeTruthy();
    expect(within(card).getByText(message)).toBeTruthy();
    const steps = within(card).getByRole('list', { name: 'How to fix it' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((step) => step.textContent),
    ).toEqual([
      'Ask your Business Center admin to give you the Admin or Operator role on these ad accounts (in TikTok Business Center: Users → your name → Assign assets).',
      'Then click Connect.',
    ]);
    expect(within(card).getByText('Until then these accounts can be used for reporting only.')).toBeTruthy();
    const inUse = within(card).getByRole('list', { name: 'Ad accounts in use from Northwind Retail' });
    expect(within(inUse).getByText('View only — can be used for reporting')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Connect' }));
    await waitFor(() =>
      expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
        reconnectConnectionId: tiktokIds.northwind,
      }),
    );
  });
});

describe('the account chooser', () => {
  it('opens as a dialog from Manage accounts, saves the ticks and default, and says and focuses what was saved', async () => {
    const saved = tiktokConnection({ accounts: [tiktokAccount({ selected: true })] });
    const { requests } = mockCard([tiktokConnection()], {
      [accountsRoute(tiktokIds.northwind)]: () =>
        jsonResponse(tiktokConnectionsAnswer([saved], '7200000000000000011')),
      [`POST ${tiktok}/connections/${tiktokIds.northwind}/check`]: () =>
        jsonResponse({ ...tiktokConnectionsAnswer([saved], '7200000000000000011'), changes: [] }),
    });
    const card = await openCard();
    const manage = await within(card).findByRole('button', { name: 'Manage accounts' });
    manage.focus();
    fireEvent.click(manage);
    const dialog = await screen.findByRole('dialog', { name: 'Choose ad accounts from Northwind Retail' });
    const account = within(dialog).getByRole('checkbox', { name: 'Northwind US (7200000000000000011)' });
    expect(document.activeElement, 'focus moves into the chooser').toBe(account);
    fireEvent.click(account);
    fireEvent.click(
      within(dialog).getByRole('radio', { name: 'Default: Northwind US (7200000000000000011)' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const message = await within(card).findByText(
      'Saved: 1 ad account in use in Northwind Retail, default Northwind US.',
    );
    expect(message.getAttribute('role'), 'announced').toBe('status');
    await waitFor(() => expect(document.activeElement?.contains(message), 'and focused').toBe(true));
    expect(requests.find((request) => request.method === 'PUT')?.body).toEqual({
      selectedAdvertiserIds: ['7200000000000000011'],
      defaultAdvertiserId: '7200000000000000011',
    });

    fireEvent.click(within(card).getByRole('button', { name: 'Check connection' }));
    await waitFor(() => expect(within(card).queryByText(/^Saved:/)).toBeNull());
  });

  it('says when a save leaves the workspace without a default', async () => {
    mockCard([tiktokConnection()], {
      [accountsRoute(tiktokIds.northwind)]: () =>
        jsonResponse(
          tiktokConnectionsAnswer([
            tiktokConnection({ accounts: [tiktokAccount({ selected: true, readOnly: true })] }),
          ]),
        ),
    });
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Manage accounts' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Northwind US (7200000000000000011)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(card).findByText('Saved: 1 ad account in use in Northwind Retail, no default.'),
    ).toBeTruthy();
  });

  it('closes on Escape and returns the focus to the button that opened it', async () => {
    mockCard([tiktokConnection()]);
    const card = await openCard();
    const manage = await within(card).findByRole('button', { name: 'Manage accounts' });
    manage.focus();
    fireEvent.click(manage);
    pressEscape(await screen.findByRole('dialog'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(manage);
  });

  it('handles hundreds of accounts: usable first, search, Select all over the match, pages that keep the ticks', async () => {
    const accounts = Array.from({ length: 120 }, (_, index) =>
      tiktokAccount({
        advertiserId: String(7300000000000000000n + BigInt(index)),
        name: `Store ${index + 1}`,
      }),
    );
    accounts.unshift(
      tiktokAccount({
        advertiserId: '7200000000000000099',
        name: 'Suspended store',
        usable: false,
        statusLabel: 'Suspended',
        unusableReason: 'TikTok suspended this account; check its status in TikTok Ads Manager.',
      }),
      tiktokAccount({ advertiserId: '7200000000000000098', name: 'Analyst store', readOnly: true }),
    );
    const { requests } = mockCard([tiktokConnection({ accounts })], {
      [accountsRoute(tiktokIds.northwind)]: () => jsonResponse(tiktokConnectionsAnswer([tiktokConnection()])),
    });
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Manage accounts' }));
    const dialog = await screen.findByRole('dialog');
    const search = within(dialog).getByRole('searchbox', { name: 'Search accounts by name or id' });
    expect(document.activeElement).toBe(search);

    const boxes = () => within(dialog).getAllByRole('checkbox');
    expect(boxes()).toHaveLength(50);
    expect(boxes()[0]!.closest('li')?.textContent).toContain('Store 1 (');
    expect(within(dialog).getByText('1–50 of 122')).toBeTruthy();

    fireEvent.change(search, { target: { value: 'Store 11' } }); // Store 11 and Store 110–119
    expect(boxes()).toHaveLength(11);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Select all' }));
    expect(within(dialog).getByText(/11 of 122 selected/)).toBeTruthy();

    fireEvent.change(search, { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(within(dialog).getByText('101–122 of 122')).toBeTruthy();
    const analyst = within(dialog).getByRole('radio', {
      name: 'Default: Analyst store (7200000000000000098)',
    });
    expect(analyst.hasAttribute('disabled')).toBe(true);
    expect(within(analyst.closest('li')!).getByText('View only — can be used for reporting')).toBeTruthy();
    const suspended = within(dialog).getByRole('radio', {
      name: 'Default: Suspended store (7200000000000000099)',
    });
    expect(suspended.hasAttribute('disabled')).toBe(true);
    expect(within(suspended.closest('li')!).getByText(/TikTok suspended this account/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Analyst store (7200000000000000098)' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Store 119 (7300000000000000118)' })).toHaveProperty(
      'checked',
      true,
    );

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true));
    const body = requests.find((request) => request.method === 'PUT')?.body as {
      selectedAdvertiserIds: string[];
    };
    expect(body.selectedAdvertiserIds).toHaveLength(12);
    expect(body.selectedAdvertiserIds).toContain('7200000000000000098');
  });
});

describe('Check connection', () => {
  const checkRoute = `POST ${tiktok}/connections/${tiktokIds.northwind}/check`;
  const checked = (changes: string[]): CheckTikTokConnectionResponse => ({
    ...tiktokConnectionsAnswer([tiktokConnection({ lastCheckedAt: new Date().toISOString() })]),
    changes,
  });

  it('answers “All good — checked just now” in a polite live region, and keeps the focus', async () => {
    mockCard([tiktokConnection()], { [checkRoute]: () => jsonResponse(checked([])) });
    const card = await openCard();
    const check = await within(card).findByRole('button', { name: 'Check connection' });
    check.focus();
    fireEvent.click(check);
    const answer = await within(card).findByText('All good — checked just now.');
    expect(answer.closest('[aria-live="polite"]')).toBeTruthy();
    expect(document.activeElement).toBe(check);
  });

  it('lists what the check changed', async () => {
    mockCard([tiktokConnection()], {
      [checkRoute]: () => jsonResponse(checked(['Northwind Pop-up was added to Northwind Retail.'])),
    });
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Check connection' }));
    expect(await within(card).findByText('Northwind Pop-up was added to Northwind Retail.')).toBeTruthy();
    expect(within(card).queryByText(/All good/)).toBeNull();
  });

  it('shows Checking… while the server checks in the background, and asks again until it is done', async () => {
    let calls = 0;
    const { requests } = mockCard(() => {
      calls += 1;
      return jsonResponse(tiktokConnectionsAnswer([tiktokConnection({ checking: calls === 1 })]));
    });
    const card = await openCard();
    expect((await within(card).findAllByText(/Checking…/)).length).toBeGreaterThan(0);
    await waitFor(() => expect(within(card).queryByText(/Checking…/)).toBeNull());
    expect(within(card).getByText(/Last checked/)).toBeTruthy();
    const reads = requests.filter(
      (request) => request.method === 'GET' && request.path.endsWith('/connections'),
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(
      requests.filter((request) => request.method === 'GET' && request.path.endsWith('/connections')),
      'polling stops once nothing is checking',
    ).toHaveLength(reads.length);
  });
});

describe('several Business Centers', () => {
  const bluebird = tiktokConnection({
    id: tiktokIds.bluebird,
    businessCenterId: '7100000000000000002',
    businessCenterName: 'Bluebird Brands',
    status: 'needs_attention',
    attention: { cause: 'token_expired', message: 'TikTok’s access for Bluebird Brands expired.' },
    accounts: [tiktokAccount({ advertiserId: '7200000000000000021', name: 'Bluebird EU', selected: true })],
  });

  it('collapses each to a summary line, puts those needing attention first, and names them in the badge', async () => {
    mockApi({
      [connectionsRoute]: () =>
        jsonResponse(
          tiktokConnectionsAnswer(
            [tiktokConnection({ accounts: [tiktokAccount({ selected: true })] }), bluebird],
            '7200000000000000011',
          ),
        ),
      ...noGrants,
    });
    const card = await openCard();
    expect(await within(card).findByText('Needs attention: Bluebird Brands')).toBeTruthy();
    const sections = within(card).getAllByRole('region');
    expect(sections.map((section) => section.querySelector('h3')?.textContent)).toEqual([
      'Bluebird Brands',
      'Northwind Retail',
    ]);
    const northwind = within(card).getByRole('button', { name: 'Northwind Retail' });
    expect(northwind.getAttribute('aria-expanded')).toBe('false');
    expect(within(card).getByText('1 ad account in use · Default: Northwind US')).toBeTruthy();
    expect(within(card).getByText('1 ad account in use · No default here')).toBeTruthy();
    expect(within(card).getAllByRole('button', { name: 'Manage accounts' })).toHaveLength(1);
    fireEvent.click(northwind);
    expect(northwind.getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getAllByRole('button', { name: 'Manage accounts' })).toHaveLength(2);
  });

  it('announces a default account that is no longer available, and offers the chooser', async () => {
    let defaultAdvertiserId: string | null = '7200000000000000011';
    mockCard(() =>
      jsonResponse(
        tiktokConnectionsAnswer(
          [tiktokConnection({ accounts: [tiktokAccount({ selected: true })] }), bluebird],
          defaultAdvertiserId,
        ),
      ),
    );
    const card = await openCard();
    await within(card).findByText(/Default: Northwind US/);
    defaultAdvertiserId = null;
    // The next answer, as any refetch would bring it after the Business Center lost the account.
    await queryClient.invalidateQueries();
    expect(
      await within(card).findByText(
        'Your default ad account Northwind US is no longer available — choose another.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Choose a default ad account' }));
    expect(await screen.findByRole('dialog', { name: /Choose ad accounts from/ })).toBeTruthy();
  });

  it('does not lose the focus when a Business Center is disconnected: it moves to the message', async () => {
    let connected = [tiktokConnection()];
    mockCard(() => jsonResponse(tiktokConnectionsAnswer(connected)), {
      [`DELETE ${tiktok}/connections/${tiktokIds.northwind}`]: () => {
        connected = [];
        return new Response(null, { status: 204 });
      },
    });
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect Northwind Retail?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    const message = await within(card).findByText('Disconnected Northwind Retail.');
    await waitFor(() => expect(document.activeElement?.contains(message)).toBe(true));
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });
});

describe('connecting through TikTok’s window', () => {
  it('says the window is open, brings it back, and on connected opens the chooser with focus inside', async () => {
    let connections: TikTokConnection[] = [];
    mockCard(() => jsonResponse(tiktokConnectionsAnswer(connections)), {
      [accountsRoute(tiktokIds.northwind)]: () => jsonResponse(tiktokConnectionsAnswer(connections)),
    });
    const popup = fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Connect' }));
    expect(await within(card).findByText(/TikTok sign-in window is open/)).toBeTruthy();
    await waitFor(() => expect(popup.location.href).toBe(authorizationUrl));
    fireEvent.click(within(card).getByRole('button', { name: 'Show TikTok window' }));
    expect(popup.focus).toHaveBeenCalled();

    connections = [tiktokConnection()];
    announce({ connected: tiktokIds.northwind });
    const dialog = await screen.findByRole('dialog', { name: 'Choose ad accounts from Northwind Retail' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(await within(card).findByText('Connected Northwind Retail.')).toBeTruthy();
    expect(within(card).queryByText(/TikTok sign-in window is open/)).toBeNull();

    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Northwind US (7200000000000000011)' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      within(card).queryByText('Connected Northwind Retail.'),
      'the success clears once accounts are saved',
    ).toBeNull();
    expect(document.activeElement).not.toBe(document.body);
  });

  it('opens the chooser when a reconnect comes back', async () => {
    mockCard([
      tiktokConnection({
        accounts: [
          tiktokAccount({ selected: true }),
          tiktokAccount({ advertiserId: '7200000000000000012', name: 'Northwind CA', isNew: true }),
        ],
        newAccountsAvailable: 1,
      }),
    ]);
    fakePopup();
    const card = await openCard();
    await within(card).findByRole('button', { name: 'Manage accounts' });
    announce({ connected: tiktokIds.northwind }); // no popup of this tab is waiting: ignored
    fireEvent.click(within(card).getByRole('button', { name: 'Add Another Account' }));
    announce({ connected: tiktokIds.northwind });
    const dialog = await screen.findByRole('dialog', { name: 'Choose ad accounts from Northwind Retail' });
    expect(within(dialog).getByText('New')).toBeTruthy();
  });

  it('notices the window closed without an answer and names the button on screen', async () => {
    mockCard([]);
    const popup = fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Connect' }));
    await within(card).findByText(/TikTok sign-in window is open/);
    popup.closed = true;
    expect(
      await within(card).findByText(
        'The TikTok window was closed before finishing. Click Connect to try again.',
      ),
    ).toBeTruthy();
    expect(within(card).queryByText(/TikTok sign-in window is open/)).toBeNull();
  });

  it('stops waiting on request, closing the window, without losing the focus', async () => {
    mockCard([]);
    const popup = fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Connect' }));
    const stop = await within(card).findByRole('button', { name: 'Stop waiting' });
    stop.focus();
    fireEvent.click(stop);
    expect(popup.close).toHaveBeenCalled();
    await waitFor(() => expect(within(card).queryByText(/TikTok sign-in window is open/)).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Connect' })),
    );
  });

  it('after a cancel with something connected, says to click Add Another Account', async () => {
    mockCard([tiktokConnection()]);
    fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Add Another Account' }));
    announce({ error: 'cancelled' });
    expect(
      await within(card).findByText(
        'You cancelled on TikTok’s page, so nothing was connected. Click Add Another Account when you’re ready.',
      ),
    ).toBeTruthy();
  });

  it('explains an expired sign-in in the words of the brief', async () => {
    mockCard([]);
    fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Connect' }));
    announce({ error: 'authorization_expired' });
    expect(
      await within(card).findByText('This TikTok sign-in has expired; click Connect to start again.'),
    ).toBeTruthy();
  });
});

describe('Select your Business Center', () => {
  const grantRoute = `GET ${tiktok}/grants/${tiktokIds.grant}`;
  const connectGroupRoute = `POST ${tiktok}/grants/${tiktokIds.grant}/connect`;

  it('lets the user choose one group of a grant, then opens its chooser and offers the rest', async () => {
    const grant = tiktokGrant();
    const afterFirst = tiktokGrant({
      groups: grant.groups.map((group, index) =>
        index === 0 ? { ...group, connectionId: tiktokIds.northwind } : group,
      ),
    });
    let connections: TikTokConnection[] = [];
    let pending = [grant];
    const { requests } = mockCard(() => jsonResponse(tiktokConnectionsAnswer(connections)), {
      [`GET ${tiktok}/grants`]: () => jsonResponse({ grants: pending }),
      [grantRoute]: () => jsonResponse(pending[0]),
      [connectGroupRoute]: () => {
        connections = [tiktokConnection({ businessCenterName: 'Northwind Agency' })];
        pending = [afterFirst];
        return jsonResponse({ connectionId: tiktokIds.northwind, grant: afterFirst });
      },
    });
    fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Connect' }));
    announce({ grant: tiktokIds.grant });

    const dialog = await screen.findByRole('dialog', { name: 'Select your Business Center' });
    const northwind = await within(dialog).findByRole('radio', { name: 'Northwind Agency — 12 ad accounts' });
    expect(within(dialog).getByRole('radio', { name: 'Bluebird Brands — 1 ad account' })).toBeTruthy();
    fireEvent.click(northwind);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));

    const chooser = await screen.findByRole('dialog', { name: 'Choose ad accounts from Northwind Agency' });
    expect(
      requests.find(
        (request) =>
          request.method === 'POST' && request.path.endsWith('/connect') && request.path.includes('grants'),
      )?.body,
    ).toEqual({
      groupKey: 'bc-7100000000000000001',
    });
    pressEscape(chooser);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const offer = await within(card).findByRole('button', {
      name: 'Connect another Business Center from this sign-in',
    });
    expect(within(card).getByText(/(9|10) minutes left/)).toBeTruthy();
    fireEvent.click(offer);
    const again = await screen.findByRole('dialog', { name: 'Select your Business Center' });
    const done = await within(again).findByRole('radio', {
      name: /^Northwind Agency — 12 ad accounts\s*Connected$/,
    });
    expect(done.hasAttribute('disabled')).toBe(true);
  });

  it('after Cancel, moves the focus to the offer to connect a Business Center from this sign-in', async () => {
    let pending: ReturnType<typeof tiktokGrant>[] = [];
    mockCard([], {
      [`GET ${tiktok}/grants`]: () => jsonResponse({ grants: pending }),
      [grantRoute]: () => jsonResponse(tiktokGrant()),
    });
    fakePopup();
    const card = await openCard();
    const connect = await within(card).findByRole('button', { name: 'Connect' });
    connect.focus();
    fireEvent.click(connect);
    pending = [tiktokGrant()];
    announce({ grant: tiktokIds.grant });

    const dialog = await screen.findByRole('dialog', { name: 'Select your Business Center' });
    await within(dialog).findByRole('radio', { name: 'Northwind Agency — 12 ad accounts' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const offer = await within(card).findByRole('button', {
      name: 'Connect a Business Center from this sign-in',
    });
    await waitFor(() => expect(document.activeElement).toBe(offer));
  });

  it('keeps the offer across a reload, from the pending grants', async () => {
    mockCard([tiktokConnection()], {
      [`GET ${tiktok}/grants`]: () => jsonResponse({ grants: [tiktokGrant()] }),
    });
    const card = await openCard();
    expect(
      await within(card).findByRole('button', { name: 'Connect another Business Center from this sign-in' }),
    ).toBeTruthy();
  });

  it('says so when the sign-in expired', async () => {
    mockCard([], {
      [grantRoute]: () => jsonResponse({ error: { code: 'tiktok_grant_expired', message: 'Gone.' } }, 404),
    });
    await renderApp(`/integrations?grant=${tiktokIds.grant}`, signedInSession());
    const dialog = await screen.findByRole('dialog', { name: 'Select your Business Center' });
    expect(await within(dialog).findByText(/This TikTok sign-in is no longer available/)).toBeTruthy();
  });
});
