import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Guardrails, WorkspaceSummary } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { signedInSession, workspaceIds } from '../../../../testing/fixtures';
import { jsonResponse, mockApi, type RecordedRequest } from '../../../../testing/mock-api';
import { renderApp } from '../../../../testing/render-app';

const workspace = `/api/workspaces/${workspaceIds.acme}`;
const guardrailsRoute = `${workspace}/builder/guardrails`;

/** The rest of Settings asks too; their own tests are in features/members and features/sessions. */
const settingsPage = {
  [`GET ${workspace}/members`]: () => jsonResponse({ members: [], invitations: [] }),
  'GET /api/session/others': () => jsonResponse({ count: 0 }),
};

function mockGuardrails(saved: Guardrails) {
  const puts: RecordedRequest[] = [];
  mockApi({
    ...settingsPage,
    [`GET ${guardrailsRoute}`]: () => jsonResponse(saved),
    [`PUT ${guardrailsRoute}`]: (request) => {
      puts.push(request);
      return jsonResponse(request.body);
    },
  });
  return puts;
}

async function openLimits(role: WorkspaceSummary['role']) {
  await renderApp('/settings', signedInSession(role));
  return screen.findByRole('region', { name: 'Publishing limits' });
}

describe('Settings › Publishing limits', () => {
  it('lets an owner set both limits, blank being no limit, checking each before saving', async () => {
    const puts = mockGuardrails({ maxAdGroupDailyBudget: 500, maxBudgetIncreasePercent: null });
    const section = await openLimits('owner');

    const daily = (await within(section).findByRole('textbox', {
      name: 'Most an ad group may spend a day',
    })) as HTMLInputElement;
    const increase = within(section).getByRole('textbox', {
      name: 'Most a publish may raise a budget (%)',
    }) as HTMLInputElement;
    expect(daily.value).toBe('500');
    expect(increase.value).toBe('');

    fireEvent.change(daily, { target: { value: 'lots' } });
    fireEvent.change(increase, { target: { value: '0' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save limits' }));
    expect(await within(section).findByText(/^Enter an amount such as 500/)).toBeTruthy();
    expect(within(section).getByText(/^Enter a number above 0/)).toBeTruthy();
    expect(puts).toEqual([]);

    fireEvent.change(increase, { target: { value: '250000' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save limits' }));
    expect(await within(section).findByText(/^Enter at most 100,000 per cent/)).toBeTruthy();
    expect(puts).toEqual([]);

    fireEvent.change(daily, { target: { value: '750.50' } });
    fireEvent.change(increase, { target: { value: ' ' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save limits' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.body).toEqual({ maxAdGroupDailyBudget: 750.5, maxBudgetIncreasePercent: null });
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe('Publishing limits saved.'),
    );
  });

  it('shows a member the limits without a form', async () => {
    mockGuardrails({ maxAdGroupDailyBudget: null, maxBudgetIncreasePercent: 20 });
    const section = await openLimits('member');

    const terms = await within(section).findAllByRole('term');
    expect(
      Object.fromEntries(terms.map((term) => [term.textContent, term.nextElementSibling?.textContent])),
    ).toEqual({
      'Most an ad group may spend a day': 'No limit',
      'Most a publish may raise a budget': '+20%',
    });
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(
      within(section).getByText('Only owners and admins can change the publishing limits.'),
    ).toBeTruthy();
  });
});
