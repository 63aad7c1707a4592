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
*, *::before, *::after { box-sizing: border-box; }
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

export const sessionField = (sessionId: string): string =>
  `<input type="hidden" name="session" value="${escapeHtml(sessionId)}">`;

export const cancelButton = `<button type="submit" formaction="/portal/auth/cancel" formnovalidate>Cancel</button>`;

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

/** `cancelRedirect: 'none'`: TikTok's own page, since the app is never told (reference §1.2 is silent). */
export function cancelledPage(appName: string): string {
  return layout(
    'Authorization cancelled',
    `<p>You cancelled the authorization of ${escapeHtml(appName)}. You can close this window.</p>`,
  );
}
