/** Makes a new node key; injected into the tree operations so tests can name their nodes. */
export type KeyMaker = () => string;

/**
 * A node key from 12 random bytes. `crypto.getRandomValues`, not `randomUUID`: the latter exists
 * only on https or localhost, and the app may be opened over plain http on a local network.
 */
export function createNodeKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `n${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
