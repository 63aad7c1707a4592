import { fireEvent, screen, within } from '@testing-library/react';
import type { AdGroupNode, AdNode, Identity } from '@whathead/contracts';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi } from '../../../../testing/mock-api';
import { ad, adGroup, campaign, catalogRoutes, renderBulkEditForm } from './forms.testing';

const describedText = (control: HTMLElement) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

const spring = adGroup('g1', 'c1', { name: 'Spring', budget: 50, gender: 'GENDER_FEMALE' });
const autumn = adGroup('g2', 'c1', { name: 'Autumn', budget: 120, budgetMode: 'BUDGET_MODE_TOTAL' });
const groups = [campaign('c1'), spring, autumn, ad('a1', 'g1'), ad('a2', 'g2')];

describe('the bulk edit form', () => {
  it('raises each ad group’s budget by 10%, keeping everything else', async () => {
    const { onApply } = renderBulkEditForm(groups, ['g1', 'g2']);
    expect(screen.getByRole('form', { name: 'Editing 2 ad groups' })).toBeTruthy();
    expect(
      within(screen.getByRole('combobox', { name: 'Change' }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Budget', 'Status', 'End time', 'Locations']);

    fireEvent.change(screen.getByRole('combobox', { name: 'How' }), { target: { value: 'increase' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Percentage' }), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 ad groups' }));

    expect(onApply).toHaveBeenCalledWith([
      { ...spring, settings: { ...spring.settings, budget: 55 } },
      { ...autumn, settings: { ...autumn.settings, budget: 132 } },
    ]);
    expect(await screen.findByText('Changed 2 ad groups.')).toBeTruthy();
  });

  it('says what is missing instead of applying nothing', () => {
    const { onApply } = renderBulkEditForm(groups, ['g1', 'g2']);
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 ad groups' }));
    const budget = screen.getByRole('textbox', { name: 'Budget' });
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(budget)).toBe('Enter the budget.');
    expect(onApply).not.toHaveBeenCalled();
  });

  it('says which ad groups had no budget of their own to change', async () => {
    const shared = campaign('c2', { budgetOptimization: true });
    const underShared = adGroup('g3', 'c2', { budget: 10 });
    const { onApply } = renderBulkEditForm([...groups, shared, underShared], ['g1', 'g3']);
    fireEvent.change(screen.getByRole('textbox', { name: 'Budget' }), { target: { value: '75' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 ad groups' }));

    const [changed, same] = onApply.mock.calls[0]![0] as AdGroupNode[];
    expect(changed!.settings.budget).toBe(75);
    expect(same).toBe(underShared);
    expect(
      await screen.findByText(
        'Changed 1 ad group. 1 ad group left as it was: it has no budget of its own to change.',
      ),
    ).toBeTruthy();
  });

  it('gives ads one identity, then one call to action', async () => {
    const identity: Identity = {
      type: 'CUSTOMIZED_USER',
      id: '7311',
      displayName: 'Northwind',
      imageUrl: null,
    };
    mockApi({ [catalogRoutes.identities()]: () => jsonResponse({ identities: [identity] }) });
    const { onApply } = renderBulkEditForm(groups, ['a1', 'a2']);
    expect(screen.getByText('Editing 2 ads')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Change' }), { target: { value: 'identity' } });
    const select = screen.getByRole('combobox', { name: 'Identity' });
    await within(select).findByRole('option', { name: /Northwind/ });
    fireEvent.change(select, { target: { value: `CUSTOMIZED_USER:${identity.id}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 ads' }));
    const withIdentity = onApply.mock.calls[0]![0] as AdNode[];
    expect(withIdentity.map((node) => node.settings.identity)).toEqual([
      { type: 'CUSTOMIZED_USER', id: '7311', displayName: 'Northwind' },
      { type: 'CUSTOMIZED_USER', id: '7311', displayName: 'Northwind' },
    ]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Change' }), { target: { value: 'callToAction' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Call to action' }), {
      target: { value: 'BOOK_NOW' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 ads' }));
    const withCall = onApply.mock.calls[1]![0] as AdNode[];
    expect(withCall.map((node) => node.settings.callToAction)).toEqual(['BOOK_NOW', 'BOOK_NOW']);
    expect(withCall.map((node) => node.settings.name)).toEqual(['Ad a1', 'Ad a2']);
  });

  it('offers campaigns only their budget and status', () => {
    renderBulkEditForm([...groups, campaign('c2')], ['c1', 'c2']);
    expect(
      within(screen.getByRole('combobox', { name: 'Change' }))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Budget', 'Status']);
  });

  it('asks for one level at a time', () => {
    renderBulkEditForm(groups, ['c1', 'g1']);
    expect(
      screen.getByText('Choose campaigns, ad groups or ads of one level to change them together.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Apply/ })).toBeNull();
  });
});
