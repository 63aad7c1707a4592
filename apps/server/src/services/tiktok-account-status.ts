/**
 * Reference §3.4's advertiser statuses in plain words. Only STATUS_ENABLE accounts deliver ads,
 * so only they can be the default; the others say what to check with TikTok.
 */
const statusLabels: Readonly<Record<string, string>> = {
  STATUS_ENABLE: 'Active',
  STATUS_DISABLE: 'Disabled',
  STATUS_PENDING_CONFIRM: 'In review',
  STATUS_PENDING_VERIFIED: 'Awaiting verification',
  STATUS_CONFIRM_FAIL: 'Review failed',
  STATUS_CONFIRM_FAIL_END: 'Review failed',
  STATUS_PENDING_CONFIRM_MODIFY: 'Changes in review',
  STATUS_CONFIRM_MODIFY_FAIL: 'Changes rejected',
  STATUS_LIMIT: 'Restricted',
  STATUS_WAIT_FOR_BPM_AUDIT: 'In review',
  STATUS_WAIT_FOR_PUBLIC_AUTH: 'Awaiting authorization',
  STATUS_SELF_SERVICE_UNAUDITED: 'Not yet reviewed',
  STATUS_CONTRACT_PENDING: 'Contract pending',
};

const statusAdvice: Readonly<Record<string, string>> = {
  STATUS_DISABLE: 'TikTok has disabled this account. Check its status in TikTok Ads Manager.',
  STATUS_PENDING_VERIFIED:
    'TikTok is waiting for this account to be verified. Finish verification in TikTok Ads Manager.',
  // The help page files restricted accounts under "Account not eligible for API access".
  STATUS_LIMIT:
    'Not eligible for API access: TikTok has restricted this account. Contact TikTok support to check that it has API access, look for restrictions or compliance issues in TikTok Ads Manager, and make sure it is in good standing with TikTok’s advertising policies.',
  STATUS_CONTRACT_PENDING:
    'The account’s contract with TikTok is not signed yet. Complete it in TikTok Ads Manager.',
  STATUS_CONFIRM_FAIL: 'TikTok rejected this account’s review. See the reason in TikTok Ads Manager.',
  STATUS_CONFIRM_FAIL_END: 'TikTok rejected this account’s review. See the reason in TikTok Ads Manager.',
};

export const statusLabelOf = (status: string): string => statusLabels[status] ?? 'Unknown status';

export interface AccountFacts {
  status: string;
  role: string | null;
  apiEligible: boolean;
  /** TikTok refused a write on it with 40001. */
  writeRefused?: boolean;
}

/** The user can view the account but not change it: reporting only. */
export const isViewOnly = ({ role, writeRefused }: Pick<AccountFacts, 'role' | 'writeRefused'>): boolean =>
  role === 'ANALYST' || writeRefused === true;

/** Null when the account can run ads from Whathead; else why not, and what to check with TikTok. */
export function unusableReasonOf({ status, role, apiEligible, writeRefused }: AccountFacts): string | null {
  if (!apiEligible) {
    return 'Not eligible for API access. Contact TikTok support to check the account has API access, no restrictions and is in good standing.';
  }
  if (status !== 'STATUS_ENABLE') {
    return (
      statusAdvice[status] ??
      `TikTok reports this account as “${statusLabelOf(status)}”, so it can’t run ads yet. Check it in TikTok Ads Manager.`
    );
  }
  if (role === 'ANALYST') {
    return 'View only: your TikTok role on this account is Analyst. It can be used for reporting; to run ads from Whathead, ask your Business Center admin to make you Admin or Operator on it, then connect again.';
  }
  if (writeRefused) {
    return 'View only: TikTok refused a change to this account for lack of permission. It can be used for reporting; ask your Business Center admin to make you Admin or Operator on it, then connect again.';
  }
  return null;
}
