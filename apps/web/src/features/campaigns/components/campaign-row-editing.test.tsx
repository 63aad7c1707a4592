import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CampaignChange, CampaignRow } from '@whathead/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { campaignRow } from '../../../testing/fixtures';
import { findTableRow, giveTheTableRoom, mockCampaignsApi, openCampaigns } from '../../../testing/campaigns';
import { jsonResponse, type RecordedRequest } from '../../../testing/mock-api';
import { campaignMirror, changesRoute, entityRoute, result } from './campaign-mirror.testing';

beforeEach(() => {
  giveTheTableRoom();
  window.localStorage.clear();
});

const adGroup = campaignRow({
  level: 'adgroup',
  id: '1700000000000000001',
  name: 'US 18-34',
  campaignName: 'Summer Sale',
  budgetMode: 'BUDGET_MODE_DAY',
  budget: '80.00',
});
const cellOf = (row: HTMLElement, heading: string) => {
  const headings = screen.getAllByRole('columnheader').map((header) => header.textContent);
  return within(row).getAllByRole('cell')[headings.indexOf(heading)]!.textContent;
};
const edits = (requests: RecordedRequest[]) =>
  requests.filter((request) => `${request.method} ${request.path}` === entityRoute(adGroup));

/** The Ad groups tab of every account, and the row of the ad group named `name`. */
async function openAdGroupsAt(name: string): Promise<HTMLElement> {
  await openCampaigns('?tab=ad-groups&accounts=all');
  return findTableRow(name);
}

/** The pencil that opens US 18-34's budget editor, and the editor's input once open. */
const budgetPencil = (row: HTMLElement) =>
  within(row).getByRole('button', { name: 'Edit the budget of US 18-34' });
const budgetInput = () => screen.findByRole('textbox', { name: 'Daily budget of US 18-34, in USD' });

/** Opens US 18-34's budget editor in `row`, types `value` and presses Enter. */
async function typeBudget(row: HTMLElement, value: string) {
  fireEvent.click(budgetPencil(row));
  const input = await budgetInput();
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

/** The table's API over US 18-34, where a budget edit is saved as sent. */
function mockBudgetSaving() {
  const mirror = campaignMirror([adGroup]);
  const api = mockCampaignsApi({
    rows: mirror.table,
    handlers: {
      [entityRoute(adGroup)]: (request) => {
        const { budget } = request.body as { budget: number };
        const saved: CampaignRow = { ...mirror.get(adGroup), budget: budget.toFixed(2) };
        mirror.put(saved);
        return jsonResponse(result(saved, 'changed', 'Saved.'));
      },
    },
  });
  return api;
}

describe('editing a budget in the table', () => {
  it('refuses an amount under TikTok’s minimum before sending anything, then saves a valid one', async () => {
    const { requests } = mockBudgetSaving();
    const row = await openAdGroupsAt('US 18-34');

    fireEvent.click(budgetPencil(row));
    const input = await budgetInput();
    expect(document.activeElement).toBe(input);
    expect(screen.getByText('TikTok’s minimum daily budget for an ad group is $20.00.')).toBeTruthy();

    fireEvent.change(input, { target: { value: '15' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const error = await screen.findByRole('alert');
    expect(error.textContent).toBe('TikTok’s minimum daily budget for an ad group is $20.00.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect(edits(requests)).toEqual([]);

    fireEvent.change(input, { target: { value: '120' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(cellOf(row, 'Budget')).toMatch(/^\$120\.00/));
    // With the budget the row showed: changed at TikTok since, it's a conflict instead.
    expect(edits(requests).map((request) => request.body)).toEqual([
      { budget: 120, seen: { budget: '80.00' } },
    ]);
    await waitFor(() => expect(cellOf(row, 'Budget')).toBe('$120.00Daily'));
  });

  it('cancels with Escape, leaving the budget as it was and focus on the pencil', async () => {
    const { requests } = mockCampaignsApi({ rows: [adGroup] });
    const row = await openAdGroupsAt('US 18-34');
    const pencil = budgetPencil(row);

    fireEvent.click(pencil);
    const input = await budgetInput();
    fireEvent.change(input, { target: { value: '999' } });
    fireEvent.keyDown(input, { key: 'Escape' });

    await waitFor(() => expect(cellOf(row, 'Budget')).toBe('$80.00Daily'));
    expect(document.activeElement).toBe(budgetPencil(row));
    expect(edits(requests)).toEqual([]);
  });
});

describe('leaving the budget editor', () => {
  const budgetInput = () => screen.queryByRole('textbox', { name: 'Daily budget of US 18-34, in USD' });

  it('closes on a click elsewhere when nothing was typed, and keeps a typed amount, asking', async () => {
    const { requests } = mockCampaignsApi({ rows: [adGroup] });
    const row = await openAdGroupsAt('US 18-34');
    const pencil = () => budgetPencil(row);

    fireEvent.click(pencil());
    expect(budgetInput()).toBeTruthy();
    fireEvent.pointerDown(document.body);
    await waitFor(() => expect(budgetInput()).toBeNull());

    fireEvent.click(pencil());
    fireEvent.change(budgetInput()!, { target: { value: '95' } });
    fireEvent.pointerDown(document.body);
    expect((await screen.findByRole('alert')).textContent).toBe('Press Enter to save or Escape to discard.');
    expect(budgetInput()!.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect((budgetInput() as HTMLInputElement).value).toBe('95');
    fireEvent.keyDown(budgetInput()!, { key: 'Escape' });
    await waitFor(() => expect(cellOf(row, 'Budget')).toBe('$80.00Daily'));
    expect(edits(requests)).toEqual([]);
  });

  it('has Save and Cancel next in Tab order, and Escape works from them', async () => {
    const { requests } = mockCampaignsApi({ rows: [adGroup] });
    const row = await openAdGroupsAt('US 18-34');
    fireEvent.click(budgetPencil(row));
    const input = budgetInput()!;
    const save = screen.getByRole('button', { name: 'Save' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });

    fireEvent.keyDown(input, { key: 'Tab' });
    expect(document.activeElement).toBe(save);
    fireEvent.keyDown(save, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(input);
    // Past Cancel with an amount typed, Tab comes back to it and asks.
    fireEvent.change(input, { target: { value: '95' } });
    cancel.focus();
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(input);
    expect(screen.getByRole('alert').textContent).toBe('Press Enter to save or Escape to discard.');

    save.focus();
    fireEvent.keyDown(save, { key: 'Escape' });
    await waitFor(() => expect(budgetInput()).toBeNull());
    expect(document.activeElement).toBe(budgetPencil(row));
    expect(edits(requests)).toEqual([]);
  });

  it('says what to type for “1e9”, and takes “$1,000” as 1000', async () => {
    const { requests } = mockBudgetSaving();
    const row = await openAdGroupsAt('US 18-34');
    fireEvent.click(budgetPencil(row));

    fireEvent.change(budgetInput()!, { target: { value: '1e9' } });
    fireEvent.keyDown(budgetInput()!, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a number like 25 or 25.50.');
    fireEvent.change(budgetInput()!, { target: { value: '$1,000' } });
    fireEvent.keyDown(budgetInput()!, { key: 'Enter' });
    await waitFor(() => expect(cellOf(row, 'Budget')).toBe('$1,000.00Daily'));
    expect(edits(requests).map((request) => (request.body as { budget: unknown }).budget)).toEqual([1000]);
  });

  it('forgets a “Not saved” once the editor opens again', async () => {
    const refusal = 'TikTok refused: the budget is over the campaign’s.';
    mockCampaignsApi({
      rows: [adGroup],
      handlers: { [entityRoute(adGroup)]: () => jsonResponse(result(adGroup, 'failed', refusal)) },
    });
    const row = await openAdGroupsAt('US 18-34');
    const pencil = () => budgetPencil(row);
    fireEvent.click(pencil());
    fireEvent.change(budgetInput()!, { target: { value: '95' } });
    fireEvent.keyDown(budgetInput()!, { key: 'Enter' });
    await waitFor(() => expect(cellOf(row, 'Budget')).toBe(`$80.00Not saved: ${refusal}`));

    fireEvent.click(pencil());
    fireEvent.keyDown(budgetInput()!, { key: 'Escape' });
    await waitFor(() => expect(cellOf(row, 'Budget')).toBe('$80.00Daily'));
  });
});

describe('an edit that meets a change made in TikTok', () => {
  it('shows both budgets, and Apply my change anyway saves it over the budget it showed', async () => {
    const atTikTok: CampaignRow = { ...adGroup, budget: '95.00', modifiedAt: '2026-11-21T08:00:00.000Z' };
    const mirror = campaignMirror([adGroup]);
    const { requests } = mockCampaignsApi({
      rows: mirror.table,
      handlers: {
        [entityRoute(adGroup)]: (request) => {
          const { budget, seen } = request.body as { budget: number; seen: { budget: string } };
          // Saved only over the budget TikTok has now.
          if (seen.budget !== atTikTok.budget) {
            mirror.put(atTikTok);
            return jsonResponse(
              result(atTikTok, 'conflict', 'Changed in TikTok since Whathead last synced.'),
            );
          }
          const saved = { ...atTikTok, budget: budget.toFixed(2) };
          mirror.put(saved);
          return jsonResponse(result(saved, 'changed', 'Saved.'));
        },
      },
    });
    const row = await openAdGroupsAt('US 18-34');

    await typeBudget(row, '150');

    const dialog = await screen.findByRole('dialog', { name: 'US 18-34 changed in TikTok' });
    expect(within(dialog).getByRole('rowheader', { name: 'Budget' }).closest('tr')!.textContent).toBe(
      'Budget$80.00$95.00',
    );
    expect(dialog.textContent).toContain('Your change: Budget to $150.00');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply my change anyway' }));

    await waitFor(() => expect(edits(requests)).toHaveLength(2));
    expect(edits(requests).map((request) => request.body)).toEqual([
      { budget: 150, seen: { budget: '80.00' } },
      { budget: 150, seen: { budget: '95.00' } },
    ]);
    await waitFor(() => expect(cellOf(row, 'Budget')).toBe('$150.00Daily'));
  });
});

describe('an edit that meets a change in TikTok of nothing shown', () => {
  it('says so in words, without a row for TikTok’s modify time', async () => {
    const atTikTok: CampaignRow = { ...adGroup, modifiedAt: '2026-11-21T08:00:00.000Z' };
    mockCampaignsApi({
      rows: [adGroup],
      handlers: {
        [entityRoute(adGroup)]: () =>
          jsonResponse(result(atTikTok, 'conflict', 'Changed in TikTok since you loaded it.')),
      },
    });
    const row = await openAdGroupsAt('US 18-34');
    await typeBudget(row, '150');

    const dialog = await screen.findByRole('dialog', { name: 'US 18-34 changed in TikTok' });
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Changed in TikTok since you loaded it (in Ads Manager, or by someone else in Whathead), so nothing was sent. Compare, then choose.',
    );
    expect(within(dialog).queryByRole('table')).toBeNull();
    expect(dialog.textContent).toContain('Changed in TikTok, though not in anything shown here.');
    expect(dialog.textContent).toContain('Your change: Budget to $150.00');
  });
});

describe('Rename', () => {
  it('renames from the row menu, and when TikTok refuses, the old name returns with TikTok’s reason', async () => {
    const refusal = 'TikTok refused: an ad group with this name already exists in the campaign.';
    const { requests } = mockCampaignsApi({
      rows: [adGroup],
      handlers: { [entityRoute(adGroup)]: () => jsonResponse(result(adGroup, 'failed', refusal)) },
    });
    const row = await openAdGroupsAt('US 18-34');

    fireEvent.click(within(row).getByRole('button', { name: 'Actions for US 18-34' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Rename' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename ad group' });
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: 'Big sale 🔥' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save name' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'TikTok does not accept emoji in names.',
    );
    expect(edits(requests)).toEqual([]);

    fireEvent.change(name, { target: { value: 'US 18-24' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(edits(requests).map((request) => request.body)).toEqual([
      { name: 'US 18-24', seen: { name: 'US 18-34' } },
    ]);
    const back = await findTableRow('US 18-34');
    await waitFor(() => expect(cellOf(back, 'Name')).toBe(`US 18-34Not renamed: ${refusal}`));
  });
});

describe('a row’s history', () => {
  it('lists the changes made from Whathead in words: who, when, before → after and TikTok’s request id', async () => {
    const changes: CampaignChange[] = [
      {
        id: 'change-2',
        occurredAt: '2026-11-21T10:15:00.000Z',
        actor: { name: 'Ada Lovelace', email: 'ada@example.com' },
        field: 'budget',
        before: '80.00',
        after: '120.00',
        tiktokRequestId: '20261121101500A1B2C3D4E5F6A7B8C9D0',
      },
      {
        id: 'change-1',
        occurredAt: '2026-11-20T09:00:00.000Z',
        actor: null,
        field: 'status',
        before: 'ENABLE',
        after: 'DISABLE',
        tiktokRequestId: null,
      },
    ];
    mockCampaignsApi({
      rows: [adGroup],
      handlers: { [changesRoute(adGroup)]: () => jsonResponse({ changes }) },
    });
    const row = await openAdGroupsAt('US 18-34');

    fireEvent.click(within(row).getByRole('button', { name: 'Actions for US 18-34' }));
    const menu = screen.getByRole('menu', { name: 'Actions for US 18-34' });
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Rename', 'History']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'History' }));

    const dialog = await screen.findByRole('dialog', { name: 'History of US 18-34' });
    const entries = await within(dialog).findAllByRole('listitem');
    expect(entries[0]!.textContent).toContain('Budget: $80.00 → $120.00');
    expect(entries[0]!.textContent).toContain('Ada Lovelace (ada@example.com)');
    expect(entries[0]!.textContent).toContain('TikTok request ID 20261121101500A1B2C3D4E5F6A7B8C9D0');
    expect(entries[0]!.querySelector('time')!.getAttribute('dateTime')).toBe('2026-11-21T10:15:00.000Z');
    expect(entries[1]!.textContent).toContain('Turned off (was on)');
    expect(entries[1]!.textContent).toContain('Someone whose account was deleted');
    expect(entries[1]!.textContent).not.toContain('TikTok request ID');
  });
});
