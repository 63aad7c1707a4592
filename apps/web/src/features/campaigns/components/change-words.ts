import type { CampaignChange } from '@whathead/contracts';
import { formatMoney } from '../../../lib/format-money';

/** TikTok's operation statuses, as what was done. */
const statusDone: Record<string, string> = {
  ENABLE: 'Turned on',
  DISABLE: 'Turned off',
  DELETE: 'Deleted',
};

const statusWas: Record<string, string> = { ENABLE: 'on', DISABLE: 'off', DELETE: 'deleted' };

/** One change of a row's history in words: "Turned off (was on)", "Budget: $80.00 → $120.00". */
export function describeChange(change: CampaignChange, currency: string | null): string {
  const { field, before, after } = change;
  if (field === 'status') {
    const done = statusDone[after ?? ''] ?? `Status set to ${after ?? 'nothing'}`;
    const was = before === null ? undefined : (statusWas[before] ?? before);
    return was ? `${done} (was ${was})` : done;
  }
  if (field === 'name') {
    return before === null ? `Named “${after ?? ''}”` : `Renamed from “${before}” to “${after ?? ''}”`;
  }
  const label = field === 'budget' ? 'Budget' : 'Bid';
  const money = (amount: string | null) => (amount === null ? 'none' : formatMoney(amount, currency));
  return before === null ? `${label} set to ${money(after)}` : `${label}: ${money(before)} → ${money(after)}`;
}
