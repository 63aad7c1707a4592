import { createRandom, type Random } from './random.js';

/**
 * Every identifier TikTok hands out, with the shapes of reference §10: 19-digit advertiser and
 * Business Center ids, 16-digit campaign/ad group/ad ids, `v…` video ids, path-like image ids.
 * Each kind draws from its own stream so that, say, extra API calls (request ids) never shift the
 * ids of objects created later: the same seed and the same creations give the same ids.
 */
export interface IdGenerator {
  accountId(): string;
  entityId(): string;
  materialId(): string;
  videoId(): string;
  imageId(now: number): string;
  accessToken(): string;
  authorizationCode(): string;
  sessionId(): string;
  requestId(now: number): string;
  /** Identities, pixels and apps of an ad account: 19 digits (reference §10 for identities). */
  assetId(): string;
  /** A pixel's code as Events Manager shows it: "C" and 19 upper-case letters and digits. */
  pixelCode(): string;
  /** A custom audience: digits, as every TikTok id; its length is not documented (19 here). */
  audienceId(): string;
}

export function createIdGenerator(seed: number): IdGenerator {
  const stream = (offset: number): Random => createRandom(seed * 31 + offset);
  const accounts = stream(1);
  const entities = stream(2);
  const materials = stream(3);
  const secrets = stream(4);
  const requests = stream(5);
  // Its own stream, so that adding these objects shifted no id the streams above hand out.
  const assets = stream(6);
  // Audiences came later still: their own stream keeps the asset ids above as they were.
  const audiences = stream(7);
  const issued = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const value = make();
      if (!issued.has(value)) {
        issued.add(value);
        return value;
      }
    }
  };
  return {
    accountId: () => unique(() => `7${accounts.integer(1, 4)}${accounts.digits(17)}`),
    entityId: () => unique(() => `1${entities.integer(7, 8)}${entities.digits(14)}`),
    materialId: () => unique(() => `7${materials.integer(2, 4)}${materials.digits(17)}`),
    videoId: () => unique(() => `v10033g50000${materials.alphanumeric(20)}`),
    imageId: (now) => unique(() => `ad-site-i18n-sg/${compactDate(now).slice(0, 8)}${materials.hex(24)}`),
    accessToken: () => unique(() => secrets.hex(40)),
    authorizationCode: () => unique(() => secrets.hex(40)),
    sessionId: () => unique(() => secrets.hex(32)),
    // Reference §2: 14-digit UTC timestamp + 20 upper-case hex characters = 34 characters.
    requestId: (now) => `${compactDate(now)}${requests.hex(20).toUpperCase()}`,
    assetId: () => unique(() => `7${assets.integer(0, 4)}${assets.digits(17)}`),
    pixelCode: () => unique(() => `C${assets.alphanumeric(19).toUpperCase()}`),
    audienceId: () => unique(() => `7${audiences.integer(0, 4)}${audiences.digits(17)}`),
  };
}

function compactDate(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
