import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CampaignNode } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { advertiserIds } from '../../../../testing/fixtures';
import { ad, adGroup, campaign, published, renderNodeForm } from './forms.testing';

const describedText = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

const draft = (settings: Partial<CampaignNode['settings']> = {}) => [
  campaign('c1', settings),
  adGroup('g1', 'c1'),
  ad('a1', 'g1'),
];

describe('the campaign form', () => {
  it('sends the whole campaign on every change, with the account’s currency on the budget', () => {
    const { lastSent } = renderNodeForm(draft(), 'c1');

    fireEvent.change(screen.getByRole('textbox', { name: 'Campaign name' }), {
      target: { value: 'Spring sale' },
    });
    expect(lastSent<CampaignNode>()).toEqual({
      ...draft()[0],
      settings: { ...draft()[0]!.settings, name: 'Spring sale' },
    });

    const budget = screen.getByRole('textbox', { name: 'Daily budget (USD)' });
    fireEvent.change(budget, { target: { value: '250.50' } });
    expect(lastSent<CampaignNode>().settings.budget).toBe(250.5);
    fireEvent.change(screen.getByRole('combobox', { name: 'Budget' }), {
      target: { value: 'BUDGET_MODE_INFINITE' },
    });
    expect(screen.queryByRole('textbox', { name: /budget \(USD\)/ })).toBeNull();
    expect(lastSent<CampaignNode>().settings).toMatchObject({
      budgetMode: 'BUDGET_MODE_INFINITE',
      budget: 250.5,
    });
  });

  it('offers the eight objectives, Product sales marked as not supported yet', () => {
    renderNodeForm(draft(), 'c1');
    const options = within(screen.getByRole('combobox', { name: 'Objective' })).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Choose an objective',
      'Traffic',
      'Website conversions',
      'Reach',
      'Video views',
      'Engagement',
      'Lead generation',
      'App promotion',
      'Product sales (not supported yet)',
    ]);
  });

  it('shows the rules’ messages under their fields, tied to them', () => {
    renderNodeForm(draft(), 'c1');
    const name = screen.getByRole('textbox', { name: 'Campaign name' });
    fireEvent.change(name, { target: { value: '  ' } });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(name)).toBe('Give the campaign a name.');

    fireEvent.change(screen.getByRole('combobox', { name: 'Objective' }), {
      target: { value: 'PRODUCT_SALES' },
    });
    expect(describedText(screen.getByRole('combobox', { name: 'Objective' }))).toMatch(
      /need a product catalog/,
    );
  });

  it('refuses an amount that is not a number without sending it', async () => {
    const { lastSent } = renderNodeForm(draft({ budget: 80 }), 'c1');
    const budget = screen.getByRole('textbox', { name: 'Daily budget (USD)' });
    fireEvent.change(budget, { target: { value: '12abc' } });
    await waitFor(() => expect(budget.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(budget)).toBe('Enter a number like 25 or 25.50.');

    fireEvent.change(screen.getByRole('textbox', { name: 'Campaign name' }), {
      target: { value: 'Still saved' },
    });
    expect(lastSent<CampaignNode>().settings).toMatchObject({ name: 'Still saved', budget: 80 });
  });

  it('moves a new campaign to another ad account, which a published one keeps', () => {
    const { lastSent, unmount } = renderNodeForm(draft(), 'c1');
    fireEvent.change(screen.getByRole('combobox', { name: 'Ad account' }), {
      target: { value: advertiserIds.eu },
    });
    expect(lastSent<CampaignNode>().advertiserId).toBe(advertiserIds.eu);
    expect(screen.getByRole('textbox', { name: 'Daily budget (EUR)' })).toBeTruthy();
    unmount();

    renderNodeForm([published(campaign('c1'), '1800000000000000001'), adGroup('g1', 'c1')], 'c1');
    expect(screen.queryByRole('combobox', { name: 'Ad account' })).toBeNull();
    expect(screen.getByText('Northwind US')).toBeTruthy();
  });

  it('disables what TikTok keeps once the campaign is published, and says why', () => {
    renderNodeForm([published(campaign('c1'), '1800000000000000001'), adGroup('g1', 'c1')], 'c1');
    const objective = screen.getByRole('combobox', { name: 'Objective' }) as HTMLSelectElement;
    expect(objective.disabled).toBe(true);
    expect(describedText(objective)).toBe('Can’t change after publishing — duplicate instead.');
    expect((screen.getByRole('combobox', { name: 'Budget' }) as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByRole('textbox', { name: 'Campaign name' }) as HTMLInputElement).disabled).toBe(false);
    expect((screen.getByRole('textbox', { name: 'Daily budget (USD)' }) as HTMLInputElement).disabled).toBe(
      false,
    );
    expect((screen.getByRole('radio', { name: 'Paused' }) as HTMLInputElement).disabled).toBe(false);
  });

  it('puts back what TikTok has for a setting changed after publishing', () => {
    const live = published(campaign('c1'), '1800000000000000001');
    const changed: CampaignNode = { ...live, settings: { ...live.settings, objective: 'REACH' } };
    const { lastSent } = renderNodeForm([changed, adGroup('g1', 'c1'), ad('a1', 'g1')], 'c1');
    const objective = screen.getByRole('combobox', { name: 'Objective' });
    expect(describedText(objective)).toMatch(/^Objective can't change once the campaign is published/);

    fireEvent.click(screen.getByRole('button', { name: 'Put back what TikTok has' }));
    expect(lastSent<CampaignNode>().settings.objective).toBe('TRAFFIC');
    expect(objective.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Put back what TikTok has' })).toBeNull();
  });

  it('shows a change made elsewhere (undo, a bulk edit) without sending it back', () => {
    const { onChange, changeNode } = renderNodeForm(draft({ budget: 80 }), 'c1');
    expect(onChange).not.toHaveBeenCalled();
    act(() => changeNode(campaign('c1', { name: 'Renamed', budget: 88 })));
    expect((screen.getByRole('textbox', { name: 'Campaign name' }) as HTMLInputElement).value).toBe(
      'Renamed',
    );
    expect((screen.getByRole('textbox', { name: 'Daily budget (USD)' }) as HTMLInputElement).value).toBe(
      '88',
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it('lets nothing change in a read-only draft', () => {
    renderNodeForm(draft(), 'c1', { readOnly: true });
    expect((screen.getByRole('textbox', { name: 'Campaign name' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Ad account' }) as HTMLSelectElement).disabled).toBe(true);
  });
});
