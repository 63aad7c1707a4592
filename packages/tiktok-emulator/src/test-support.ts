import { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
import type { Envelope } from './http/envelope.js';
import { emulatorApp } from './registered-app.js';

// Helpers for this package's tests only (not exported from index.ts).

/** 2026-11-25 12:00:00 UTC; tests move time with control.advanceClock, never by sleeping. */
export const testEpoch = Date.UTC(2026, 10, 25, 12, 0, 0);

export const ids = {
  alex: 'alex.admin@example.com',
  olivia: 'olivia.operator@example.com',
  wendy: 'wendy.analyst@example.com',
  hugo: 'hugo.harbor@example.com',
  ivan: 'ivan.individual@example.com',
  northwind: '7100000000000000001',
  bluebird: '7100000000000000002',
  harbor: '7100000000000000003',
  northwindUs: '7200000000000000011',
  northwindOutlet: '7200000000000000012',
  northwindCanada: '7200000000000000013',
  northwindLegacy: '7200000000000000014',
  cafeLumen: '7200000000000000021',
  verdeGym: '7200000000000000022',
  harborFlagship: '7200000000000000031',
  ivansBakery: '7200000000000000041',
  ivansFoodTruck: '7200000000000000042',
} as const;

/** Every ad account Alex reaches in the default scenario, in Business Center order: his default grant. */
export const alexAccounts = [
  ids.northwindUs,
  ids.northwindOutlet,
  ids.northwindCanada,
  ids.northwindLegacy,
  ids.cafeLumen,
  ids.verdeGym,
];

export function createTestEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulator({ clock: { now: () => testEpoch }, ...options });
}

/** Reference §0: arrays and objects travel as JSON strings in the query. */
export function encodeQuery(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    search.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return search.toString();
}

export async function callApi(
  emulator: Emulator,
  method: 'GET' | 'POST',
  path: string,
  { token, query, body }: { token?: string; query?: Record<string, unknown>; body?: unknown } = {},
): Promise<Envelope & { httpStatus: number }> {
  const response = await emulator.app.inject({
    method,
    url: `/open_api/v1.3${path}${query ? `?${encodeQuery(query)}` : ''}`,
    headers: token ? { 'access-token': token } : {},
    ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
  });
  return { ...(response.json() as Envelope), httpStatus: response.statusCode };
}

/**
 * Authorizes a user (skipping the pages) and exchanges the code. The grant is every account the
 * user can grant, or only those of a Business Center (a string), or exactly the listed accounts.
 */
export async function connect(
  emulator: Emulator,
  email: string,
  grant?: string | { advertiserIds: string[] },
  scope?: number[],
): Promise<{ token: string; advertiserIds: string[]; scope: number[] }> {
  const code = emulator.control.issueAuthorizationCode({
    email,
    ...(typeof grant === 'string' ? { bcId: grant } : {}),
    ...(typeof grant === 'object' ? { advertiserIds: grant.advertiserIds } : {}),
    ...(scope ? { scope } : {}),
  });
  return exchangeCode(emulator, code);
}

export async function exchangeCode(
  emulator: Emulator,
  code: string,
): Promise<{ token: string; advertiserIds: string[]; scope: number[] }> {
  const answer = await callApi(emulator, 'POST', '/oauth2/access_token/', {
    body: { app_id: emulatorApp.appId, secret: emulatorApp.secret, auth_code: code },
  });
  if (answer.code !== 0) throw new Error(`token exchange failed: ${answer.code} ${answer.message}`);
  const data = answer.data as { access_token: string; advertiser_ids: string[]; scope: number[] };
  return { token: data.access_token, advertiserIds: data.advertiser_ids, scope: data.scope };
}

/** A PNG header is all the emulator reads (signature + IHDR size). */
export function makePng(width: number, height: number, salt = 0): Buffer {
  const bytes = Buffer.alloc(40 + salt);
  bytes.writeUInt32BE(0x89504e47, 0);
  bytes.writeUInt32BE(0x0d0a1a0a, 4);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

/** A minimal ISO media file: ftyp, mvhd (duration) and one video tkhd (size). */
export function makeMp4(width: number, height: number, seconds: number): Buffer {
  const ftyp = Buffer.alloc(16);
  ftyp.writeUInt32BE(16, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  const mvhd = Buffer.alloc(28);
  mvhd.writeUInt32BE(28, 0);
  mvhd.write('mvhd', 4, 'latin1');
  mvhd.writeUInt32BE(1000, 20);
  mvhd.writeUInt32BE(seconds * 1000, 24);
  const tkhd = Buffer.alloc(92);
  tkhd.writeUInt32BE(92, 0);
  tkhd.write('tkhd', 4, 'latin1');
  tkhd.writeUInt32BE(width * 65536, 84);
  tkhd.writeUInt32BE(height * 65536, 88);
  return Buffer.concat([ftyp, mvhd, tkhd]);
}

export const md5 = async (bytes: Buffer): Promise<string> =>
  (await import('node:crypto')).createHash('md5').update(bytes).digest('hex');

/** Posts multipart/form-data as TikTok's upload endpoints expect (reference §0). */
export async function upload(
  emulator: Emulator,
  path: string,
  token: string,
  fields: Record<string, string>,
  file?: { field: string; name: string; bytes: Buffer },
): Promise<Envelope> {
  const boundary = '----emulator-test-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const response = await emulator.app.inject({
    method: 'POST',
    url: `/open_api/v1.3${path}`,
    headers: { 'access-token': token, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
  return response.json() as Envelope;
}
