export type AuthorizationCallback =
  | { outcome: 'authorized'; authCode: string; state: string | undefined }
  | { outcome: 'invalid'; reason: 'missing_code' | 'conflicting_codes' };

/**
 * Reference §1.2 + correction 9: TikTok redirects with `auth_code`, sometimes also (or only)
 * `code` with the same value: accept either, refuse two different values.
 */
export function readAuthorizationCallback(query: Record<string, unknown>): AuthorizationCallback {
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const authCode = text(query.auth_code);
  const code = text(query.code);
  if (authCode && code && authCode !== code) return { outcome: 'invalid', reason: 'conflicting_codes' };
  const chosen = authCode ?? code;
  if (!chosen) return { outcome: 'invalid', reason: 'missing_code' };
  return { outcome: 'authorized', authCode: chosen, state: text(query.state) };
}
