import type { CampaignRow } from '@whathead/contracts';
import type { EntityChange } from '../api/edit-campaign-entity';
import { formatMoney } from '../../../lib/format-money';

export interface FieldDifference {
  label: string;
  before: string;
  now: string;
}

const money = (amount: string | null, currency: string | null) =>
  amount === null ? 'None' : formatMoney(amount, currency);

/**
 * What differs between the row as the table showed it and TikTok's copy now, among what a
 * marketer sets; TikTok's modify time alone is not worth a row of its own.
 */
export function differences(before: CampaignRow, now: CampaignRow): FieldDifference[] {
  const rows: FieldDifference[] = [];
  if (before.operationStatus !== now.operationStatus)
    rows.push({ label: 'Status', before: before.delivery.label, now: now.delivery.label });
  if (before.name !== now.name) rows.push({ label: 'Name', before: before.name, now: now.name });
  if (Number(before.budget) !== Number(now.budget))
    rows.push({
      label: 'Budget',
      before: money(before.budget, before.currency),
      now: money(now.budget, now.currency),
    });
  if (Number(before.bid) !== Number(now.bid))
    rows.push({
      label: 'Bid',
      before: money(before.bid, before.currency),
      now: money(now.bid, now.currency),
    });
  return rows;
}

/** The user's edit in words: "Budget to $120.00", "Rename to “Spring sale”". */
export function describeEdit(change: EntityChange, currency: string | null): string {
  if (change.name !== undefined) return `Rename to “${change.name}”`;
  if (change.bid !== undefined) return `Bid to ${money(change.bid.toFixed(2), currency)}`;
  return `Budget to ${money(change.budget?.toFixed(2) ?? null, currency)}`;
}
