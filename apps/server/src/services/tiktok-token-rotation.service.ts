import { TokenUnreadableError, type TokenCipher } from '../lib/token-cipher.js';
import type { TikTokConnectionRepository } from '../repositories/tiktok-connection.repository.js';

export interface RotationOutcome {
  /** Tokens now sealed with the current key. */
  rotated: number;
  /** Rows changed by a reconnect or disconnect while being rotated: left to that change. */
  skipped: number;
  /** Tokens no configured key opens: they stay, and their connection shows Needs attention when next used. */
  unreadable: number;
}

/**
 * Re-encrypts stored TikTok tokens with the current TOKEN_ENCRYPTION_KEY. Each row is read,
 * opened with whichever configured key sealed it, sealed with the current key and written back
 * only if nobody changed it meanwhile, one row at a time: the app keeps reading and writing
 * tokens throughout, since both keys open tokens until the last row is done. Rerunning finds
 * only the rows still left.
 */
export class TikTokTokenRotationService {
  readonly #connections: TikTokConnectionRepository;
  readonly #cipher: TokenCipher;

  constructor(dependencies: { connections: TikTokConnectionRepository; cipher: TokenCipher }) {
    this.#connections = dependencies.connections;
    this.#cipher = dependencies.cipher;
  }

  get currentKeyId(): string {
    return this.#cipher.currentKeyId;
  }

  /** Whether any stored token was sealed with another key than the current one. */
  isNeeded(): Promise<boolean> {
    return this.#connections.anySealedWithOtherKey(this.#cipher.currentKeyId);
  }

  async rotate(batchSize: number): Promise<RotationOutcome> {
    const outcome: RotationOutcome = { rotated: 0, skipped: 0, unreadable: 0 };
    let afterId: string | null = null;
    for (;;) {
      const rows = await this.#connections.listSealedWithOtherKey(
        this.#cipher.currentKeyId,
        afterId,
        batchSize,
      );
      for (const row of rows) {
        const { token_ciphertext, token_iv, token_auth_tag, token_key_id } = row;
        if (!token_ciphertext || !token_iv || !token_auth_tag || !token_key_id) continue;
        let token: string;
        try {
          token = this.#cipher.open(
            { ciphertext: token_ciphertext, iv: token_iv, authTag: token_auth_tag, keyId: token_key_id },
            row.id,
          );
        } catch (error) {
          if (!(error instanceof TokenUnreadableError)) throw error;
          outcome.unreadable += 1;
          continue;
        }
        const resealed = await this.#connections.resealToken(
          { workspaceId: row.workspace_id, id: row.id, previousIv: token_iv },
          this.#cipher.seal(token, row.id),
        );
        if (resealed) outcome.rotated += 1;
        else outcome.skipped += 1;
      }
      if (rows.length < batchSize) return outcome;
      afterId = rows.at(-1)!.id;
    }
  }
}
