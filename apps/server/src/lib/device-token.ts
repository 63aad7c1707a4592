import { randomToken, keyedHash, constantTimeEqual } from './secret-token.js';

/**
 * A browser that has logged in to an account before carries a token that says so (OWASP's
 * "device cookie"): `nonce.signature`, the signature binding the nonce to the account's email.
 * Log-in attempts from such a browser are counted per browser, so failures from elsewhere, which
 * may lock the account against strangers, never lock its owner out of a browser they use.
 */
export interface DeviceToken {
  token: string;
  /** Stable for the browser: the key its attempts are counted under. */
  nonce: string;
}

const signature = (secret: string, email: string, nonce: string) =>
  keyedHash(secret, `device:${email.toLowerCase()}:${nonce}`);

export function issueDeviceToken(secret: string, email: string, nonce = randomToken(16)): DeviceToken {
  return { token: `${nonce}.${signature(secret, email, nonce)}`, nonce };
}

/** The token's nonce when it was issued by us for this email, else undefined. */
export function deviceNonceFor(secret: string, token: string | undefined, email: string): string | undefined {
  if (!token || token.length > 200) return undefined;
  const [nonce, signed, extra] = token.split('.');
  if (!nonce || !signed || extra !== undefined) return undefined;
  return constantTimeEqual(signed, signature(secret, email, nonce)) ? nonce : undefined;
}
