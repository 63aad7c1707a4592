/**
 * Replaces every occurrence of a credential in text from outside (TikTok's messages, network
 * error texts) before it reaches an error or a log line (issue 4 §1: never logged).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    // Short values would redact ordinary words; TikTok tokens and secrets are 40 characters.
    if (secret && secret.length >= 8) redacted = redacted.split(secret).join('[REDACTED]');
  }
  return redacted;
}
