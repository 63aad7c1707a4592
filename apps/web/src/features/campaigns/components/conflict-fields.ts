import type { CampaignRow } from '@whathead/contracts';
import type { EntityChange } from '../api/edit-campaign-entity';
import { formatMoney } from './format-money';

export interface FieldDifference {
  label: string;
  before: string;
  now: string;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const money = (amount: string | null, currency: string | null) =>
  amount === null ? 'None' : formatMoney(amount, currency);
const moment = (at: string | null) => (at === null ? 'Unknown' : dateTimeFormat.format(new Date(at)));

/**
 * What differs between the row Whathead last synced and TikTok's copy now, among what a marketer
 * sets (the server's test, campaign-action.service.ts). When only the modify time moved, that.
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
  if (rows.length === 0)
    rows.push({ label: 'Last modified', before: moment(before.modifiedAt), now: moment(now.modifiedAt) });
  return rows;
}

/** The user's edit in words: "Budget to $120.00", "Rename to “Spring sale”". */
export function describeEdit(change: EntityChange, currency: string | null): string {
  if (change.name !== undefined) return `Rename to “${change.name}”`;
  if (change.bid !== undefined) return `Bid to ${money(change.bid.toFixed(2), currency)}`;
  return `Budget to ${money(change.budget?.toFixed(2) ?? null, currency)}`;
}
