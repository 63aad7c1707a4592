import type { Permission } from '../limits/permission-catalogue.js';

// Plain, accessible HTML (issue 3 §2): every field has a label, every action is a real button,
// errors are announced with role="alert", so browser tests can drive the pages by label.

const escapeMap: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => escapeMap[character] ?? character);

export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | TikTok for Business (emulator)</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #161823; }
label, legend { font-weight: 600; }
input[type=email], input[type=password] { display: block; width: 100%; padding: .5rem; margin: .25rem 0 1rem; }
fieldset { margin: 0 0 1rem; border: 1px solid #ccc; }
button { padding: .5rem 1rem; margin-right: .5rem; }
[role=alert] { color: #b00020; }
.note { color: #555; font-size: .9rem; }
</style>
</head>
<body>
<header><p>TikTok for Business <span class="note">(offline emulator)</span></p></header>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

const sessionField = (sessionId: string): string =>
  `<input type="hidden" name="session" value="${escapeHtml(sessionId)}">`;

const cancelButton = `<button type="submit" formaction="/portal/auth/cancel" formnovalidate>Cancel</button>`;

export function errorPage(title: string, message: string): string {
  return layout(title, `<p role="alert">${escapeHtml(message)}</p>`);
}

export function loginPage(sessionId: string, appName: string, error?: string): string {
  return layout(
    'Log in to TikTok for Business',
    `<p>${escapeHtml(appName)} wants to connect to your TikTok for Business account.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/portal/auth/login">
${sessionField(sessionId)}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button>
${cancelButton}
</form>`,
  );
}

export interface BusinessCenterChoice {
  bcId: string;
  name: string;
  roleLabel: string;
}

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
${options || '<p>You are not a member of any Business Center.</p>'}
</fieldset>
${centers.length > 0 ? '<button type="submit">Continue</button>' : ''}
${cancelButton}
</form>`,
  );
}

export function permissionsPage(
  sessionId: string,
  appName: string,
  centerName: string,
  accounts: { name: string; advertiserId: string }[],
  groups: { group: Permission; choices: Permission[] }[],
  error?: string,
): string {
  const accountList =
    accounts.length > 0
      ? `<ul>${accounts.map((account) => `<li>${escapeHtml(account.name)} <span class="note">(${account.advertiserId})</span></li>`).join('')}</ul>`
      : `<p>None of the ad accounts in ${escapeHtml(centerName)} are available to you.</p>`;
  const fieldsets = groups
    .map(
      ({ group, choices }) => `<fieldset>
<legend>${escapeHtml(group.name)}</legend>
${choices
  .map(
    (
      choice,
    ) => `<div><input type="checkbox" id="permission-${choice.id}" name="permission" value="${choice.id}" checked>
<label for="permission-${choice.id}">${escapeHtml(choice.name)}</label></div>`,
  )
  .join('\n')}
</fieldset>`,
    )
    .join('\n');
  return layout(
    `Authorize ${appName}`,
    `<p>${escapeHtml(appName)} is requesting access to ${escapeHtml(centerName)}.</p>
<h2>Ad accounts</h2>
${accountList}
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/portal/auth/confirm">
${sessionField(sessionId)}
<h2>Permissions</h2>
${fieldsets}
<button type="submit">Confirm</button>
${cancelButton}
</form>`,
  );
}

export function permissionDeniedPage(sessionId: string, appName: string, centerName: string): string {
  return layout(
    'Permission denied',
    `<p role="alert">You don't have admin or operator access to any ad account in ${escapeHtml(centerName)}, so you can't authorize ${escapeHtml(appName)}. Ask your Business Center admin to grant you the necessary permissions.</p>
<form method="post" action="/portal/auth/deny">
${sessionField(sessionId)}
<button type="submit">Return to ${escapeHtml(appName)}</button>
</form>`,
  );
}
