import type { AdGroupSettings, AdIdentity, AdSettings } from '@whathead/contracts';
import type { BudgetChange, BulkChange, BulkField } from '../../model/bulk-edit';
import { readAmount } from './setting-controls';
import { fromDateTimeInput } from './tiktok-time';

/** What the bulk edit form holds as typed, one entry per kind of change. */
export interface BulkDraft {
  budgetHow: BudgetChange['how'];
  budgetText: string;
  status: AdSettings['status'];
  /** A datetime-local value, in UTC. */
  scheduleEnd: string;
  locationsHow: 'add' | 'replace';
  locations: AdGroupSettings['locations'];
  callToAction: NonNullable<AdSettings['callToAction']>;
  landingPageUrl: string;
  adText: string;
  identity: AdIdentity | null;
}

export const emptyBulkDraft: BulkDraft = {
  budgetHow: 'set',
  budgetText: '',
  status: 'ENABLE',
  scheduleEnd: '',
  locationsHow: 'add',
  locations: [],
  callToAction: 'LEARN_MORE',
  landingPageUrl: '',
  adText: '',
  identity: null,
};

export const adTextLimit = 100;

/** The change the form describes, or what is missing from it in words. */
export function readBulkChange(
  field: BulkField,
  draft: BulkDraft,
): { change: BulkChange } | { error: string } {
  switch (field) {
    case 'budget': {
      const amount = readAmount(draft.budgetText);
      if (amount === null)
        return { error: draft.budgetHow === 'set' ? 'Enter the budget.' : 'Enter a percentage.' };
      if (Number.isNaN(amount)) return { error: 'Enter a number like 25 or 25.50.' };
      if (draft.budgetHow === 'decrease' && amount > 100)
        return { error: 'A budget can go down by at most 100%.' };
      return { change: { field, change: { how: draft.budgetHow, amount } } };
    }
    case 'status':
      return { change: { field, status: draft.status } };
    case 'scheduleEnd': {
      const end = fromDateTimeInput(draft.scheduleEnd);
      return end ? { change: { field, end } } : { error: 'Choose when the ad groups end.' };
    }
    case 'locations':
      return draft.locations.length > 0
        ? { change: { field, how: draft.locationsHow, locations: draft.locations } }
        : { error: 'Choose at least one location.' };
    case 'callToAction':
      return { change: { field, callToAction: draft.callToAction } };
    case 'landingPageUrl': {
      const url = draft.landingPageUrl.trim();
      return url ? { change: { field, url } } : { error: 'Enter the landing page URL.' };
    }
    case 'adText': {
      const text = draft.adText.trim();
      if (!text) return { error: 'Write the ad text.' };
      if ([...text].length > adTextLimit)
        return { error: `TikTok takes ad text of at most ${adTextLimit} characters.` };
      return { change: { field, text } };
    }
    case 'identity':
      return draft.identity
        ? { change: { field, identity: draft.identity } }
        : { error: 'Choose an identity.' };
  }
}
