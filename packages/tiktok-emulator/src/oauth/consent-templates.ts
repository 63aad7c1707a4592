import type { Permission } from '../limits/permission-catalogue.js';
import { cancelButton, escapeHtml, layout, sessionField } from './page-templates.js';

// The steps after log-in: the optional Business Center picker and the consent page. Plain forms
// with real labels and buttons, so people and browser tests find everything by its name.

export interface BusinessCenterChoice {
  bcId: string;
  name: string;
  roleLabel: string;
}

/** Only under `businessCenterStep: 'pick'`; TikTok documents no such step (correction 14). */
export function businessCenterPage(
  sessionId: string,
  userName: string,
  centers: BusinessCenterChoice[],
): string {
  const options = centers
    .map(
      (center) => `<div>
<input type="radio" id="bc-${center.bcId}" name="bc_id" value="${center.bcId}" required>
<label for="bc-${center.bcId}">${escapeHtml(center.name)}</label>
<span class="note">${escapeHtml(center.roleLabel)}</span>
</div>`,
    )
    .join('\n');
  return layout(
    'Select a Business Center',
    `<p>Logged in as ${escapeHtml(userName)}.</p>
<form method="post" action="/portal/auth/business-center">
${sessionField(sessionId)}
<fieldset>
<legend>Business Center</legend>
${options}
</fieldset>
<button type="submit">Continue</button>
${cancelButton}
</form>`,
  );
}

export interface AccountChoice {
  advertiserId: string;
  name: string;
  /** Where the account lives and the user's role there, e.g. "Northwind Retail · Analyst". */
  note: string;
  ticked: boolean;
}

export interface ConsentPageContent {
  sessionId: string;
  appName: string;
  userName: string;
  accounts: AccountChoice[];
  groups: { group: Permission; choices: Permission[] }[];
  tickedPermissions: Set<number> | undefined;
  error?: string;
}

/** Reference §1.1: the user picks the ad accounts to grant and approves the app's permissions. */
export function consentPage(content: ConsentPageContent): string {
  const { sessionId, appName, userName, accounts, groups, tickedPermissions, error } = content;
  const accountRows =
    accounts.length > 0
      ? accounts
          .map(
            (
              account,
            ) => `<div><input type="checkbox" id="advertiser-${account.advertiserId}" name="advertiser_id" value="${account.advertiserId}"${account.ticked ? ' checked' : ''}>
<label for="advertiser-${account.advertiserId}">${escapeHtml(account.name)} (${account.advertiserId})</label>
<span class="note">${escapeHtml(account.note)}</span></div>`,
          )
          .join('\n')
      : '<p>You have no ad accounts to authorize.</p>';
  const fieldsets = groups
    .map(
      ({ group, choices }) => `<fieldset>
<legend>${escapeHtml(group.name)}</legend>
${choices
  .map(
    (
      choice,
    ) => `<div><input type="checkbox" id="permission-${choice.id}" name="permission" value="${choice.id}"${!tickedPermissions || tickedPermissions.has(choice.id) ? ' checked' : ''}>
<label for="permission-${choice.id}">${escapeHtml(choice.name)}</label></div>`,
  )
  .join('\n')}
</fieldset>`,
    )
    .join('\n');
  return layout(
    `Authorize ${appName}`,
    `<p>Logged in as ${escapeHtml(userName)}. ${escapeHtml(appName)} is requesting access to the ad accounts you select, with the permissions below.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/portal/auth/confirm">
${sessionField(sessionId)}
<fieldset>
<legend>Ad accounts</legend>
${accountRows}
</fieldset>
<h2>Permissions</h2>
${fieldsets}
<button type="submit">Confirm</button>
${cancelButton}
</form>`,
  );
}
