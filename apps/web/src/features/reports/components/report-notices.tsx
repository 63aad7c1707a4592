import type { ReportAccountStatus } from '@whathead/contracts';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import { formatDay } from '../../../lib/date-range';
import type { DrillNames } from '../lib/drill-down';
import type { ReportView } from '../lib/report-view';

/**
 * "Still importing from TikTok: days before Aug 5, 2026 appear as they arrive": said once, above
 * the tiles, while the first sync of a chosen account has not yet stored the range's first day,
 * so blank tiles and an empty chart are not taken for a range without delivery.
 */
export function ImportingNotice({
  arriving,
  isOneAccount,
}: {
  arriving: readonly ReportAccountStatus[];
  /** Whether only one account is chosen (then the sentence needs no name). */
  isOneAccount: boolean;
}) {
  if (arriving.length === 0) return null;
  return (
    <div className="notice report-importing">
      <Spinner />
      <div>
        {arriving.map((account) => (
          <p key={account.advertiserId}>{importingSentence(account, isOneAccount)}</p>
        ))}
      </div>
    </div>
  );
}

export function importingSentence(account: ReportAccountStatus, isOneAccount: boolean): string {
  const what = isOneAccount ? 'Still importing from TikTok' : `Still importing ${account.name} from TikTok`;
  const storedFrom = account.backfill?.storedFrom ?? null;
  return storedFrom === null
    ? `${what}: this range’s figures appear as they arrive.`
    : `${what}: days before ${formatDay(storedFrom)} appear as they arrive.`;
}

/**
 * Said after "Backfilling Northwind US: 120 of 365 days" (account-statuses.tsx): the backfill
 * reads TikTok's reports from today backwards, so what it stored so far starts on a day, and the
 * days before it are what is still coming.
 */
export function backfillStoredWords(storedFrom: string): string {
  return `figures stored from ${formatDay(storedFrom)}; earlier days are still being fetched`;
}

/**
 * "Northwind US's figures start on Dec 3, 2025, as far back as TikTok's reports are read": said
 * when the range reaches before an account's stored days and its backfill is done, so "—" in the
 * tiles is not taken for a fault or for zero.
 */
export function StoredFromNotice({ accounts }: { accounts: readonly ReportAccountStatus[] }) {
  if (accounts.length === 0) return null;
  return (
    <div className="notice">
      {accounts.map((account) => (
        <p key={account.advertiserId}>
          {account.name}’s figures start on {formatDay(account.backfill!.storedFrom!)}: Whathead reads
          TikTok’s reports back 365 days, or to the account’s first day. Earlier days show as “—”.
        </p>
      ))}
    </div>
  );
}

interface ReportScopeProps {
  view: Pick<ReportView, 'campaign' | 'adgroup'>;
  names: DrillNames;
  /** Whether several ad accounts are chosen (the way back is to all of them). */
  isSeveralAccounts: boolean;
  onClear: () => void;
}

/**
 * What the tiles and the chart add up once the breakdown is drilled into: one campaign or one ad
 * group, not the account. Said above the tiles, with the way back to the whole account.
 */
export function ReportScope({ view, names, isSeveralAccounts, onClear }: ReportScopeProps) {
  if (view.campaign === null && view.adgroup === null) return null;
  const campaign = view.campaign === null ? null : (names.campaign ?? `Campaign ${view.campaign}`);
  return (
    <div className="report-scope">
      <p className="report-scope__text">
        {view.adgroup !== null ? (
          <>
            Showing ad group: <strong>{names.adgroup ?? `Ad group ${view.adgroup}`}</strong>
            {campaign !== null && (
              <>
                {' '}
                in <strong>{campaign}</strong>
              </>
            )}
          </>
        ) : (
          <>
            Showing campaign: <strong>{campaign}</strong>
          </>
        )}
      </p>
      <Button variant="secondary" size="small" onClick={onClear}>
        {isSeveralAccounts ? 'Show all ad accounts' : 'Show whole account'}
      </Button>
    </div>
  );
}
