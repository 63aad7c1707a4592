import type {
  MediaAccount,
  MediaBatch,
  MediaFileCheck,
  MediaItem,
  MediaLibraryResponse,
  MediaUpload,
  TikTokConnectionsResponse,
} from '@whathead/contracts';
import { connectedAnswer } from './campaigns';
import { advertiserIds, workspaceIds } from './fixtures';
import { jsonResponse, mockApi, type MockHandler, type RecordedRequest } from './mock-api';

const workspace = `/api/workspaces/${workspaceIds.acme}`;
export const mediaRoutes = {
  connections: `GET ${workspace}/tiktok/connections`,
  accounts: `GET ${workspace}/media/accounts`,
  library: `GET ${workspace}/media`,
  refresh: `POST ${workspace}/media/refresh`,
  check: `POST ${workspace}/media/files`,
  batches: `GET ${workspace}/media/uploads`,
  createBatch: `POST ${workspace}/media/uploads`,
  batch: (batchId: string) => `GET ${workspace}/media/uploads/${batchId}`,
  retry: (batchId: string) => `POST ${workspace}/media/uploads/${batchId}/retry`,
};

/** A SHA-256 as the server writes one, different for each `seed`. */
export function sha256Of(seed: number): string {
  return seed.toString(16).padStart(64, 'a');
}

/** Northwind US, the default account, its library imported. */
export function mediaAccount(overrides: Partial<MediaAccount> = {}): MediaAccount {
  return {
    advertiserId: advertiserIds.us,
    name: 'Northwind US',
    isDefault: true,
    state: 'ready',
    images: 2,
    videos: 3,
    lastSyncedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    error: null,
    ...overrides,
  };
}

/** Northwind US (default) and Northwind EU. */
export const northwindAccounts = (): MediaAccount[] => [
  mediaAccount(),
  mediaAccount({
    advertiserId: advertiserIds.eu,
    name: 'Northwind EU',
    isDefault: false,
    images: 0,
    videos: 1,
  }),
];

/** A 15-second 9:16 video, ready for ads. */
export function mediaItem(overrides: Partial<MediaItem> = {}): MediaItem {
  return {
    kind: 'video',
    mediaId: 'v10033g50000summer',
    materialId: '7300000000000000001',
    fileName: 'summer-sale.mp4',
    format: 'mp4',
    width: 1080,
    height: 1920,
    dimensions: '1080×1920 (9:16)',
    ratio: '9:16',
    bytes: 13_002_342,
    durationSeconds: 15.02,
    previewUrl: 'https://tiktok.example/preview/summer-sale.mp4',
    coverUrl: 'https://tiktok.example/cover/summer-sale.jpg',
    displayable: true,
    createdAt: '2026-03-01T10:15:00.000Z',
    usedByAds: 3,
    ...overrides,
  };
}

/** A square image. */
export function imageItem(overrides: Partial<MediaItem> = {}): MediaItem {
  return mediaItem({
    kind: 'image',
    mediaId: 'ad-site-i-banner',
    materialId: null,
    fileName: 'banner.png',
    format: 'png',
    width: 1080,
    height: 1080,
    dimensions: '1080×1080 (1:1)',
    ratio: '1:1',
    bytes: 842_000,
    durationSeconds: null,
    previewUrl: 'https://tiktok.example/image/banner.png',
    coverUrl: null,
    usedByAds: null,
    ...overrides,
  });
}

/** What the server read of an accepted 9:16 video. */
export function acceptedCheck(
  fileName: string,
  seed: number,
  overrides: Partial<MediaFileCheck> = {},
): MediaFileCheck {
  return {
    sha256: sha256Of(seed),
    fileName,
    kind: 'video',
    format: 'mp4',
    bytes: 13_002_342,
    width: 1080,
    height: 1920,
    durationSeconds: 15,
    dimensions: '1080×1920 (9:16)',
    accepted: true,
    problems: [],
    ...overrides,
  };
}

export function refusedCheck(fileName: string, seed: number, message: string): MediaFileCheck {
  return acceptedCheck(fileName, seed, { accepted: false, problems: [{ code: 'refused', message }] });
}

export function mediaUpload(overrides: Partial<MediaUpload> = {}): MediaUpload {
  return {
    sha256: sha256Of(1),
    advertiserId: advertiserIds.us,
    fileName: 'summer-sale.mp4',
    state: 'queued',
    bytes: 13_002_342,
    bytesSent: 0,
    mediaId: null,
    reused: false,
    error: null,
    ...overrides,
  };
}

export const batchId = '8d0c1a52-2f4e-4b7a-9c36-1e5d7f9a0b21';

/** A batch of these uploads, its counts worked out from them. */
export function mediaBatch(uploads: MediaUpload[], overrides: Partial<MediaBatch> = {}): MediaBatch {
  const count = (state: MediaUpload['state']) => uploads.filter((upload) => upload.state === state).length;
  return {
    batchId,
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    createdBy: 'Ada Lovelace',
    uploads,
    counts: {
      queued: count('queued'),
      uploading: count('uploading'),
      processing: count('processing'),
      ready: count('ready'),
      failed: count('failed'),
    },
    ...overrides,
  };
}

/** The library as the server filters it (kind, ratio, name), for any account, on one page. */
export function filteredLibrary(items: readonly MediaItem[], accounts = northwindAccounts()): MockHandler {
  return ({ query }) => {
    const account =
      accounts.find((candidate) => candidate.advertiserId === query.get('account')) ?? accounts[0]!;
    const needle = query.get('q')?.toLowerCase();
    const shown = items.filter(
      (item) =>
        (!query.has('kind') || item.kind === query.get('kind')) &&
        (!query.has('ratio') || item.ratio === query.get('ratio')) &&
        (!needle || (item.fileName ?? '').toLowerCase().includes(needle)),
    );
    const answer: MediaLibraryResponse = { account, items: shown, nextCursor: null };
    return jsonResponse(answer);
  };
}

interface MediaApi {
  connections?: TikTokConnectionsResponse;
  accounts?: MediaAccount[] | MockHandler;
  /** The library's items, filtered as the server would; or a handler of its own. */
  items?: MediaItem[] | MockHandler;
  batches?: MediaBatch[] | MockHandler;
  handlers?: Record<string, MockHandler>;
}

/** The Media page's API; `libraryRequests` lists the query of every library request so far. */
export function mockMediaApi({
  connections,
  accounts,
  items = [],
  batches = [],
  handlers = {},
}: MediaApi = {}) {
  const api = mockApi({
    [mediaRoutes.connections]: () => jsonResponse(connections ?? connectedAnswer()),
    [mediaRoutes.accounts]:
      typeof accounts === 'function'
        ? accounts
        : () => jsonResponse({ accounts: accounts ?? northwindAccounts() }),
    [mediaRoutes.library]: typeof items === 'function' ? items : filteredLibrary(items),
    [mediaRoutes.batches]: typeof batches === 'function' ? batches : () => jsonResponse({ batches }),
    ...handlers,
  });
  const requestsTo = (route: string) =>
    api.requests.filter((request: RecordedRequest) => `${request.method} ${request.path}` === route);
  const libraryRequests = () =>
    requestsTo(mediaRoutes.library).map((request) => Object.fromEntries(request.query));
  return { ...api, requestsTo, libraryRequests };
}
