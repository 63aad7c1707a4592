import assert from 'node:assert/strict';
import type { TestApp } from './test-app.js';

/** A reset link as the test app (PUBLIC_URL http://localhost:3000) writes it; the token is group 1. */
export const resetLinkPattern = /http:\/\/localhost:3000\/reset-password\/([\w-]{43})/;

/** The reset mails the log mailer wrote for `email` (no SMTP_URL), newest last. */
export function loggedResetLinks(
  test: TestApp,
  email: string,
): { link: string; token: string; level: number }[] {
  return test.logs
    .map((line) => JSON.parse(line) as { level: number; mail?: { to: string; text: string } })
    .filter((entry) => entry.mail?.to === email)
    .map((entry) => {
      const match = resetLinkPattern.exec(entry.mail!.text);
      assert.ok(match, 'the logged mail carries the link');
      return { link: match[0], token: match[1]!, level: entry.level };
    });
}
