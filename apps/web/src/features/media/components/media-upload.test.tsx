import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MediaBatch, MediaFileCheck } from '@whathead/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { advertiserIds, signedInSession } from '../../../testing/fixtures';
import {
  acceptedCheck,
  batchId,
  mediaBatch,
  mediaRoutes,
  mediaUpload,
  mockMediaApi,
  refusedCheck,
  sha256Of,
} from '../../../testing/media';
import {
  fakeObjectUrls,
  fileOf,
  routeUploadRequestsThroughFetch,
  sentFile,
} from '../../../testing/file-uploads';
import { jsonResponse, type MockHandler } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';

const megabyte = 1024 * 1024;
const wrongRatio = '1080×1350 (4:5) — TikTok accepts 9:16, 1:1 or 16:9';
const corrupt = 'The file is cut short or damaged: it can’t be read as a video.';

/** The server's answer to each file, by name: four accepted, one of the wrong shape, one corrupt. */
const checks: Record<string, MediaFileCheck> = {
  'beach.mp4': acceptedCheck('beach.mp4', 1),
  'city.mp4': acceptedCheck('city.mp4', 2, { durationSeconds: 9, dimensions: '1080×1080 (1:1)' }),
  'logo.png': acceptedCheck('logo.png', 3, {
    kind: 'image',
    format: 'png',
    durationSeconds: null,
    dimensions: '1080×1080 (1:1)',
    bytes: 420_000,
  }),
  'sunset.mp4': acceptedCheck('sunset.mp4', 4, { dimensions: '1920×1080 (16:9)' }),
  'portrait.mp4': refusedCheck('portrait.mp4', 5, wrongRatio),
  'broken.mp4': refusedCheck('broken.mp4', 6, corrupt),
};

const chosenFiles = () =>
  Object.keys(checks).map((name) =>
    fileOf(name, name.endsWith('.png') ? 'image/png' : 'video/mp4', megabyte),
  );

/** Answers each check after a moment, counting how many were in flight at once. */
function checkServer() {
  const flight = { now: 0, most: 0 };
  const handler: MockHandler = async (request) => {
    flight.now += 1;
    flight.most = Math.max(flight.most, flight.now);
    await new Promise((resolve) => setTimeout(resolve, 20));
    flight.now -= 1;
    return jsonResponse(checks[sentFile(request).name]);
  };
  return { handler, flight };
}

async function openUpload() {
  await renderApp('/media', signedInSession());
  fireEvent.click(await screen.findByRole('button', { name: 'Upload' }));
  return screen.findByRole('dialog', { name: 'Upload images and videos' });
}

const chooseFiles = (dialog: HTMLElement, files: File[]) =>
  fireEvent.change(within(dialog).getByLabelText(/choose files/), { target: { files } });

beforeEach(() => routeUploadRequestsThroughFetch());

describe('uploading from the Media page', () => {
  it('checks each file, leaves out the refused ones, uploads the rest to both accounts and retries what failed', async () => {
    const objectUrls = fakeObjectUrls();
    const { handler, flight } = checkServer();
    let batch: MediaBatch = mediaBatch([
      mediaUpload({ sha256: sha256Of(1), fileName: 'beach.mp4', state: 'ready', mediaId: 'v1' }),
      mediaUpload({
        sha256: sha256Of(1),
        fileName: 'beach.mp4',
        advertiserId: advertiserIds.eu,
        state: 'ready',
        reused: true,
      }),
      mediaUpload({
        sha256: sha256Of(2),
        fileName: 'city.mp4',
        state: 'uploading',
        bytes: 10_000_000,
        bytesSent: 4_500_000,
      }),
      mediaUpload({ sha256: sha256Of(2), fileName: 'city.mp4', advertiserId: advertiserIds.eu }),
      mediaUpload({ sha256: sha256Of(3), fileName: 'logo.png', state: 'processing' }),
      mediaUpload({
        sha256: sha256Of(3),
        fileName: 'logo.png',
        advertiserId: advertiserIds.eu,
        state: 'ready',
      }),
      mediaUpload({
        sha256: sha256Of(4),
        fileName: 'sunset.mp4',
        state: 'failed',
        error: {
          code: 'tiktok_40911',
          message: 'TikTok already has a file of this name in this ad account.',
        },
      }),
      mediaUpload({
        sha256: sha256Of(4),
        fileName: 'sunset.mp4',
        advertiserId: advertiserIds.eu,
        state: 'ready',
      }),
    ]);
    const { requestsTo } = mockMediaApi({
      handlers: {
        [mediaRoutes.check]: handler,
        [mediaRoutes.createBatch]: () => jsonResponse(batch, 201),
        [mediaRoutes.batch(batchId)]: () => jsonResponse(batch),
        [mediaRoutes.retry(batchId)]: () => {
          batch = mediaBatch(
            batch.uploads.map((upload) =>
              upload.state === 'failed' ? { ...upload, state: 'queued', error: null } : upload,
            ),
          );
          return jsonResponse(batch);
        },
      },
    });
    const dialog = await openUpload();

    expect((within(dialog).getByRole('checkbox', { name: /Northwind US/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Northwind EU/ }));
    chooseFiles(dialog, chosenFiles());

    expect(
      await within(dialog).findByText('Files checked: 4 files can be uploaded; 2 files refused.'),
    ).toBeTruthy();
    expect(flight.most).toBeLessThanOrEqual(3);
    expect(requestsTo(mediaRoutes.check)).toHaveLength(6);
    const files = within(within(dialog).getByRole('list', { name: 'Chosen files' }));
    expect(rowOf(files.getByText('beach.mp4')).textContent).toContain('1080×1920 (9:16) · 12.4 MB · 0:15');
    expect(rowOf(files.getByText('portrait.mp4')).textContent).toContain(wrongRatio);
    expect(rowOf(files.getByText('broken.mp4')).textContent).toContain(corrupt);
    expect(rowOf(files.getByText('logo.png')).querySelector('img')?.getAttribute('src')).toMatch(/^blob:/);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    const matrix = await within(dialog).findByRole('heading', {
      name: '4 files × 2 ad accounts = 8 uploads; 2 files refused and left out',
    });
    expect(document.activeElement).toBe(matrix);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    const progress = await within(dialog).findByRole('table');
    expect(requestsTo(mediaRoutes.createBatch)[0]?.body).toEqual({
      files: [
        { sha256: sha256Of(1), fileName: 'beach.mp4' },
        { sha256: sha256Of(2), fileName: 'city.mp4' },
        { sha256: sha256Of(3), fileName: 'logo.png' },
        { sha256: sha256Of(4), fileName: 'sunset.mp4' },
      ],
      advertiserIds: [advertiserIds.us, advertiserIds.eu],
    });
    expect(statesOf(progress)).toEqual([
      ['beach.mp4', 'Northwind US', 'Ready'],
      ['beach.mp4', 'Northwind EU', 'Already in this account (reused)'],
      ['city.mp4', 'Northwind US', 'Uploading 45 % · 4.3 MB of 9.5 MB'],
      ['city.mp4', 'Northwind EU', 'Queued'],
      ['logo.png', 'Northwind US', 'Processing at TikTok'],
      ['logo.png', 'Northwind EU', 'Ready'],
      ['sunset.mp4', 'Northwind US', 'Failed — TikTok already has a file of this name in this ad account.'],
      ['sunset.mp4', 'Northwind EU', 'Ready'],
    ]);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(statesOf(progress)[6]).toEqual(['sunset.mp4', 'Northwind US', 'Queued']));
    expect(requestsTo(mediaRoutes.retry(batchId))).toHaveLength(1);
    expect(within(dialog).queryByRole('button', { name: 'Retry failed' })).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(objectUrls.revoked).toEqual(objectUrls.created);
  });

  it('refuses an empty file and files over TikTok’s caps without sending them', async () => {
    fakeObjectUrls();
    const { requestsTo } = mockMediaApi();
    const dialog = await openUpload();

    chooseFiles(dialog, [
      fileOf('empty.mp4', 'video/mp4', 0),
      fileOf('huge.mov', 'video/quicktime', 2 * 1024 * megabyte),
      fileOf('poster.jpg', 'image/jpeg', 12 * megabyte),
    ]);

    const files = within(within(dialog).getByRole('list', { name: 'Chosen files' }));
    expect(rowOf(files.getByText('empty.mp4')).textContent).toContain('The file is empty.');
    expect(rowOf(files.getByText('huge.mov')).textContent).toContain(
      '2.0 GB — TikTok takes videos up to 500 MB',
    );
    expect(rowOf(files.getByText('poster.jpg')).textContent).toContain(
      '12.0 MB — TikTok takes images up to 10 MB',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(within(dialog).getByText('None of these files can go to TikTok. Choose others.')).toBeTruthy();
    expect(requestsTo(mediaRoutes.check)).toEqual([]);
  });

  it('shows how much of a file has gone to the check, then what the check read', async () => {
    fakeObjectUrls();
    let answer: (response: Response) => void = () => undefined;
    mockMediaApi({
      handlers: { [mediaRoutes.check]: () => new Promise<Response>((resolve) => (answer = resolve)) },
    });
    const dialog = await openUpload();

    chooseFiles(dialog, [fileOf('beach.mp4', 'video/mp4', megabyte)]);

    expect(await within(dialog).findByText('Checking: 0.5 MB of 1.0 MB sent')).toBeTruthy();
    expect(within(dialog).getByRole('progressbar', { name: 'Sent of beach.mp4' }).getAttribute('value')).toBe(
      String(megabyte / 2),
    );
    answer(jsonResponse(checks['beach.mp4']));
    expect(await within(dialog).findByText('1080×1920 (9:16) · 12.4 MB · 0:15')).toBeTruthy();
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
  });
});

function rowOf(name: HTMLElement): HTMLElement {
  return name.closest('li')!;
}

function statesOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}
