import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Secrets {
  sessionSecret: string;
  tokenEncryptionKey: string;
}

/**
 * Outside production a newcomer sets nothing: the secrets are generated once into the data dir
 * (mode 0600) and reused on every later start, so sessions and encrypted tokens survive restarts.
 * Two processes starting together agree: the file appears whole, by a hard link that only one
 * of them can create.
 */
export function resolveSecrets(
  configured: { sessionSecret: string | undefined; tokenEncryptionKey: string | undefined },
  dataDirectory: string,
): Secrets {
  if (configured.sessionSecret && configured.tokenEncryptionKey) {
    return { sessionSecret: configured.sessionSecret, tokenEncryptionKey: configured.tokenEncryptionKey };
  }
  const file = path.join(dataDirectory, 'secrets.json');
  const generated: Secrets = {
    sessionSecret: randomBytes(48).toString('base64url'),
    tokenEncryptionKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDirectory, { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, JSON.stringify(generated, null, 2), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  if (!stored.sessionSecret || !stored.tokenEncryptionKey) {
    throw new Error(`${file} is damaged: delete it to generate new secrets (existing sessions will end).`);
  }
  return {
    sessionSecret: configured.sessionSecret ?? stored.sessionSecret,
    tokenEncryptionKey: configured.tokenEncryptionKey ?? stored.tokenEncryptionKey,
  };
}
