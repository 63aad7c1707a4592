import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CheckTikTokConnectionResponse, TikTokConnection } from '@whathead/contracts';
import { describe, expect, it, vi } from 'vitest';
import { formatResumeTime } from '../../../lib/format-resume-time';
import { queryClient } from '../../../lib/query-client';
import { queryKeys } from '../../../lib/query-keys';
import pageStyles from '../../../styles/pages.css?raw';
import integrationStyles from '../../../styles/integrations.css?raw';
import {
  signedInSession,
  tiktokAccount,
  tiktokConnection,
  tiktokConnectionsAnswer,
  tiktokGrant,
  tiktokIds,
  workspaceIds,
} from '../../../testing/fixtures';
import { errorResponse, fakePopup, jsonResponse } from '../../../testing/mock-api';
import { accountsRoute, announce, mockCard, openCard, tiktok } from '../../../testing/tiktok-card';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const northwindUs = tiktokAccount({ selected: true });
const harbor = tiktokConnection({
  id: tiktokIds.bluebird,
  businessCenterId: '7100000000000000003',
  businessCenterName: 'Harbor Holdings',
  businessCenterRole: 'STANDARD',
  accounts: [],
});
const bluebird = tiktokConnection({
  id: tiktokIds.bluebird,
  businessCenterId: '7100000000000000002',
  businessCenterName: 'Bluebird Agency',
  accounts: [tiktokAccount({ advertiserId: '7200000000000000021', name: 'Café Lumen' })],
});

describe('Check connection says what it found (1)', () => {
  const checkRoute = `POST ${tiktok}/connections/${tiktokIds.northwind}/check`;
  const answer = (connection: TikTokConnection, changes: string[] = []): CheckTikTokConnectionResponse => ({
    ...tiktokConnectionsAnswer([connection]),
    changes,
  });

  it('never says “All good” when the check left the connection needing attention, nor repeats the warning', async () => {
    const revoked = tiktokConnection({
      status: 'needs_attention',
      lastCheckResult: 'needs_attention',
      lastCheckedAt: minutesAgo(0),
      attention: { cause: 'token_revoked', message: 'The access Whathead had was removed at TikTok.' },
    });
    mockCard([tiktokConnection()], { [checkRoute]: () => jsonResponse(answer(revoked)) });
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Check connection' }));
    const result = await within(card).findByText(
      'Checked just now: this connection needs attention (see above).',
    );
    expect(result.closest('[aria-live="polite"]')).toBeTruthy();
    expect(within(card).queryByText(/All good/)).toBeNull();
    // The warning box says it once.
    expect(within(card).getAllByText(/The access Whathead had was removed at TikTok/)).toHaveLength(1);
  });

  it('dates “checked” from the check’s own time, so it ages instead of saying “just now” forever', async () => {
    const healthy = tiktokConnection({ lastCheckResult: 'ok', lastCheckedAt: minutesAgo(3) });
    mockCard([tiktokConnection()], { [checkRoute]: () => jsonResponse(answer(healthy)) });
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Check connection' }));
    expect(await within(card).findByText('All good — checked 3 minutes ago.')).toBeTruthy();
  });
  it('when TikTok paused Whathead, says when to try again and links to the usage panel', async () => {
    const retryAt = new Date(Date.now() + 5 * 60_000);
    retryAt.setSeconds(30, 0);
    mockCard([tiktokConnection()], {
      [checkRoute]: () => errorResponse(503, 'tiktok_rate_limited', { retryAt: retryAt.toISOString() }),
    });
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Check connection' }));
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain(
      `TikTok asked Whathead to slow down. Wait until ${formatResumeTime(retryAt)}`,
    );
    expect(within(alert).getByRole('link', { name: 'See TikTok usage' }).getAttribute('href')).toBe(
      '/settings',
    );
  });
});

describe('the card belongs to one workspace (2)', () => {
  it('drops its messages when the workspace changes', async () => {
    const globex = `/api/workspaces/${workspaceIds.globex}/tiktok`;
    mockCard([tiktokConnection()], {
      [`GET ${globex}/connections`]: () => jsonResponse(tiktokConnectionsAnswer([])),
      [`GET ${globex}/grants`]: () => jsonResponse({ grants: [] }),
    });
    fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Add Another Account' }));
    announce({ error: 'cancelled' });
    expect(await within(card).findByText(/You cancelled on TikTok’s page/)).toBeTruthy();

    act(() => {
      queryClient.setQueryData(queryKeys.session, {
        ...signedInSession(),
        activeWorkspaceId: workspaceIds.globex,
      });
    });
    const next = (await screen.findByText('Not connected')).closest('section')!;
    expect(within(next).getByText('Only workspace owners and admins can connect TikTok.')).toBeTruthy();
    expect(screen.queryByText(/You cancelled on TikTok’s page/)).toBeNull();
  });
});

describe('a Business Center without ad accounts (3)', () => {
  it('does not open the chooser, says so in the success message, and shows the help page’s fixes at once', async () => {
    let connections = [tiktokConnection({ accounts: [northwindUs] })];
    mockCard(() => jsonResponse(tiktokConnectionsAnswer(connections)));
    fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Add Another Account' }));
    connections = [connections[0]!, harbor];
    announce({ connected: harbor.id });

    const connected = await within(card).findByText(
      'Connected Harbor Holdings, but TikTok shows no ad accounts you can use there.',
    );
    expect(connected.classList, 'a warning, not a green success').toContain('notice--warning');
    expect(connected.classList).not.toContain('notice--success');
    const row = within(card).getByRole('button', { name: 'Harbor Holdings' });
    expect(row.getAttribute('aria-expanded'), 'the row opens with the explanation').toBe('true');
    const section = row.closest('section')!;
    expect(within(section).getByText('No ad accounts visible').className).toContain('badge--warning');
    expect(within(section).queryByText('Connected')).toBeNull();
    const fixes = within(card).getByRole('list', { name: 'How to find your ad accounts' });
    expect(within(fixes).getAllByRole('listitem')[0]?.textContent).toBe(
      'Log in to TikTok Ads Manager and check which ad accounts you have access to.',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('dialog'), 'no chooser with nothing to choose').toBeNull();
    expect(screen.queryByText(/No account matches/)).toBeNull();
  });
});

describe('a card whose only connection shows no ad accounts (4)', () => {
  it('says “No ad accounts visible” as a warning instead of a green “Connected”', async () => {
    mockCard([harbor]);
    const card = await openCard();
    const badges = await within(card).findAllByText('No ad accounts visible');
    expect(badges.length, 'the card and the connection').toBe(2);
    for (const badge of badges) expect(badge.className).toContain('badge--warning');
    expect(within(card).queryByText('Connected')).toBeNull();
  });
});

describe('one default account for the workspace (5)', () => {
  it('names the workspace default in another Business Center, and that choosing one here replaces it', async () => {
    mockCard(() =>
      jsonResponse(
        tiktokConnectionsAnswer(
          [tiktokConnection({ accounts: [northwindUs] }), bluebird],
          northwindUs.advertiserId,
        ),
      ),
    );
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Bluebird Agency' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Manage accounts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Choose ad accounts from Bluebird Agency' });
    expect(
      within(dialog).getByText(
        'Workspace default: Northwind US, in Northwind Retail — choosing one here replaces it.',
      ),
    ).toBeTruthy();
    expect(within(dialog).getByRole('radio', { name: 'Keep Northwind US as the default' })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('asks for a default, from the state alone, while accounts are in use without one', async () => {
    mockCard([tiktokConnection({ accounts: [northwindUs] })]);
    const card = await openCard();
    expect(
      await within(card).findByText(
        'Choose a default ad account: it is pre-selected when you create a campaign.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Choose a default ad account' }));
    expect(
      await screen.findByRole('dialog', { name: 'Choose ad accounts from Northwind Retail' }),
    ).toBeTruthy();
  });
});

describe('the header on a phone (7)', () => {
  it('lets the badge wrap below the title instead of overlapping it', () => {
    const header = /\.integration__header \{([^}]*)\}/.exec(pageStyles)?.[1] ?? '';
    expect(header).toContain('flex-wrap: wrap');
  });
});

describe('Permission denied (8)', () => {
  it('says the server’s message once under the heading, then the fix, and shows the permissions granted', async () => {
    const message =
      'In Bluebird Agency, you are a Standard member of the Business Center with the Analyst role on its ad accounts, which can only view. Whathead needs the Admin or Operator role to create and edit campaigns.';
    mockCard([
      tiktokConnection({
        status: 'needs_attention',
        attention: { cause: 'permission_denied', message },
        accounts: [tiktokAccount({ readOnly: true, selected: true, role: 'ANALYST' })],
      }),
    ]);
    const card = await openCard();
    const attention = (await within(card).findByRole('heading', { name: 'Permission denied' }))
      .parentElement!;
    expect(attention.textContent?.match(/Permission denied/g)).toHaveLength(1);
    expect(attention.textContent?.match(/reporting/g)).toHaveLength(1);
    expect(attention.textContent).toContain(
      'Ask your Business Center admin to give you the Admin or Operator role on these ad accounts (in TikTok Business Center: Users → your name → Assign assets).',
    );
    // The icon shares the heading's line: the heading has no default h4 margin pushing it down.
    const title = /\.business-center__attention-title \{([^}]*)\}/.exec(integrationStyles)?.[1] ?? '';
    expect(title).toContain('margin: 0');
    expect(attention.textContent).not.toMatch(/advertiser access/);
    expect(within(card).queryByText(/can’t confirm these permissions/)).toBeNull();
    const chips = within(card).getByRole('list', { name: 'Permissions' });
    expect(within(chips).getAllByText('Granted:')).toHaveLength(5);
  });
});

describe('Disconnect (10)', () => {
  it('says truthfully what happens to the access, and warns when the default account is here', async () => {
    mockCard(() =>
      jsonResponse(
        tiktokConnectionsAnswer([tiktokConnection({ accounts: [northwindUs] })], northwindUs.advertiserId),
      ),
    );
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect Northwind Retail?' });
    expect(dialog.textContent).toContain(
      'Whathead gives its access back to TikTok, unless another Business Center connected from the same TikTok sign-in still uses it.',
    );
    expect(dialog.textContent).not.toContain('revoked');
    expect(
      within(dialog).getByText('Northwind US is your default ad account; you’ll be asked to choose another.'),
    ).toBeTruthy();
  });
});

describe('results in view (11)', () => {
  it('moves the focus to the message after a cancel, keeping it in the live region', async () => {
    mockCard([tiktokConnection()]);
    fakePopup();
    const card = await openCard();
    const add = await within(card).findByRole('button', { name: 'Add Another Account' });
    add.focus();
    fireEvent.click(add);
    announce({ error: 'cancelled' });
    const message = await within(card).findByText(/You cancelled on TikTok’s page/);
    await waitFor(() => expect(document.activeElement?.contains(message)).toBe(true));
    expect(message.closest('[role="alert"]')).toBeTruthy();
  });
});

describe('a held sign-in (12)', () => {
  const grantsRoute = `GET ${tiktok}/grants`;

  it('offers “a” Business Center while nothing is connected, and never counts more than ten minutes', async () => {
    const grant = tiktokGrant({ expiresAt: new Date(Date.now() + 10.5 * 60_000).toISOString() });
    mockCard([], {
      [grantsRoute]: () => jsonResponse({ grants: [grant] }),
      [`GET ${tiktok}/grants/${tiktokIds.grant}`]: () => jsonResponse(grant),
    });
    const card = await openCard();
    const offer = await within(card).findByRole('button', {
      name: 'Connect a Business Center from this sign-in',
    });
    expect(within(card).getByText(/^10 minutes left/)).toBeTruthy();

    fireEvent.click(offer);
    const dialog = await screen.findByRole('dialog', { name: 'Select your Business Center' });
    const first = await within(dialog).findByRole('radio', { name: 'Northwind Agency — 12 ad accounts' });
    await waitFor(() => expect(document.activeElement).toBe(first));
  });
});

describe('the account chooser (13, 15)', () => {
  const many = Array.from({ length: 125 }, (_, index) =>
    tiktokAccount({ advertiserId: String(7300000000000000000n + BigInt(index)), name: `Atlas ${index + 1}` }),
  );

  it('keeps Save, Cancel and the pages in a pinned footer, and starts each page at its top', async () => {
    mockCard([tiktokConnection({ accounts: many })]);
    const card = await openCard();
    const scrollTo = vi.spyOn(window, 'scrollTo');
    fireEvent.click(await within(card).findByRole('button', { name: 'Manage accounts' }));
    const dialog = await screen.findByRole('dialog');
    expect(scrollTo, 'opening the chooser leaves the page where it was').not.toHaveBeenCalled();
    const footer = within(dialog).getByRole('button', { name: 'Save' }).closest('.accounts-manager__footer')!;
    expect(within(footer as HTMLElement).getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect(within(footer as HTMLElement).getByRole('navigation', { name: 'Account pages' })).toBeTruthy();
    expect(/\.accounts-manager__footer \{([^}]*)\}/.exec(integrationStyles)?.[1]).toMatch(
      /position: sticky;[\s\S]*bottom: 0/,
    );

    const list = dialog.querySelector('.accounts-manager__list')!;
    const scrolled = vi.spyOn(list, 'scrollIntoView');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    expect(within(dialog).getByText('51–100 of 125')).toBeTruthy();
    expect(scrolled).toHaveBeenCalledWith({ block: 'start' });
  });

  it('shows a view-only account’s status and access as separate badges, the status green', async () => {
    mockCard([
      tiktokConnection({ accounts: [tiktokAccount({ readOnly: true, usable: false, role: 'ANALYST' })] }),
    ]);
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Manage accounts' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Active').className).toContain('badge--success');
    expect(within(dialog).getByText('View only — can be used for reporting').className).toContain('badge');
  });

  it('keeps the focus inside: Tab after Save goes round to the top of the dialog', async () => {
    mockCard([tiktokConnection()]);
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Manage accounts' }));
    const dialog = await screen.findByRole('dialog');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.keyDown(save, { key: 'Tab' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });

  it('words the accounts outside a Business Center as such', async () => {
    const outside = tiktokConnection({
      kind: 'outside_business_center',
      businessCenterName: 'Ad accounts outside a Business Center',
      businessCenterRole: null,
      accounts: [
        tiktokAccount(),
        tiktokAccount({ advertiserId: '7200000000000000031', name: 'Ivan’s Bakery' }),
      ],
    });
    let connections: TikTokConnection[] = [];
    mockCard(() => jsonResponse(tiktokConnectionsAnswer(connections)));
    fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Connect' }));
    connections = [outside];
    announce({ connected: outside.id });
    const dialog = await screen.findByRole('dialog', {
      name: 'Choose ad accounts outside a Business Center',
    });
    expect(within(dialog).getByRole('radio', { name: 'No default account' })).toBeTruthy();
    expect(await within(card).findByText('Connected 2 ad accounts outside a Business Center.')).toBeTruthy();
    expect(within(card).queryByText(/Ad accounts outside a Business Center:/)).toBeNull();
  });
});

describe('Reconnect (17)', () => {
  const expired = tiktokConnection({
    status: 'needs_attention',
    attention: { cause: 'token_expired', message: 'TikTok’s access for Northwind Retail expired.' },
    accounts: [northwindUs],
  });

  it('says “Reconnected”, and leaves the chooser closed when the accounts did not change', async () => {
    let connections = [expired];
    mockCard(() => jsonResponse(tiktokConnectionsAnswer(connections)));
    fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(window.open).toHaveBeenCalled());
    connections = [tiktokConnection({ accounts: [northwindUs] })];
    announce({ connected: expired.id });
    expect(await within(card).findByText('Reconnected Northwind Retail.')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the chooser after a reconnect that changed the accounts', async () => {
    let connections = [expired];
    mockCard(() => jsonResponse(tiktokConnectionsAnswer(connections)), {
      [accountsRoute(expired.id)]: () => jsonResponse(tiktokConnectionsAnswer(connections)),
    });
    fakePopup();
    const card = await openCard();
    fireEvent.click(await within(card).findByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(window.open).toHaveBeenCalled());
    connections = [
      tiktokConnection({
        accounts: [northwindUs, tiktokAccount({ advertiserId: '7200000000000000012', name: 'Northwind CA' })],
      }),
    ];
    announce({ connected: expired.id });
    expect(
      await screen.findByRole('dialog', { name: 'Choose ad accounts from Northwind Retail' }),
    ).toBeTruthy();
  });
});

describe('one TikTok window at a time (21)', () => {
  it('brings the open window to the front instead of opening a second one', async () => {
    mockCard([tiktokConnection()]);
    const popup = fakePopup();
    const card = await openCard();
    const add = await within(card).findByRole('button', { name: 'Add Another Account' });
    fireEvent.click(add);
    await within(card).findByText(/TikTok sign-in window is open/);
    fireEvent.click(add);
    expect(window.open).toHaveBeenCalledTimes(1);
    expect(popup.focus).toHaveBeenCalled();
  });
});
