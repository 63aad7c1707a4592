import {
  csrfHeaderName,
  errorResponseSchema,
  mediaFileCheckSchema,
  mediaUploadLimits,
  type MediaFileCheck,
  type SessionResponse,
} from '@whathead/contracts';
import { ApiError } from './api-error';
import { formatBytes } from './media-words';
import { queryClient } from './query-client';
import { queryKeys } from './query-keys';
import { sessionQueryOptions } from './session';

/**
 * A file checked against TikTok's rules before anything goes to TikTok: first here, by its size,
 * then by the server, which reads its content. The server's answer holds the file by its SHA-256
 * until a batch names it.
 */

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

/**
 * Why the file is refused without sending it, or null. The browser's type only chooses which cap
 * applies (the server judges the format by content); a file of unknown type may be a video, so it
 * gets the larger cap.
 */
export function refusalBeforeSending(file: Pick<File, 'size' | 'type'>): string | null {
  if (file.size === 0) return 'The file is empty.';
  if (file.type.startsWith('image/') && file.size > mediaUploadLimits.imageBytes) {
    return `${formatBytes(file.size)} — TikTok takes images up to ${megabytes(mediaUploadLimits.imageBytes)}`;
  }
  if (file.size > mediaUploadLimits.videoBytes) {
    return `${formatBytes(file.size)} — TikTok takes videos up to ${megabytes(mediaUploadLimits.videoBytes)}`;
  }
  return null;
}

interface CheckOptions {
  signal: AbortSignal;
  /** The share of the file sent so far, 0 to 1. */
  onProgress: (fraction: number) => void;
}

/**
 * `POST /api/workspaces/:workspaceId/media/files`: the file as multipart/form-data (one part,
 * `file`), answered with what the server read of it. XMLHttpRequest rather than fetch, because
 * only it tells how many bytes went out, and a 500 MB video takes a while.
 */
export async function checkMediaFile(
  workspaceId: string,
  file: File,
  options: CheckOptions,
): Promise<MediaFileCheck> {
  const path = `/api/workspaces/${encodeURIComponent(workspaceId)}/media/files`;
  try {
    return await send(path, file, await csrfToken(false), options);
  } catch (error) {
    // A stale token (the session rotated in another tab) deserves one retry, as the api client does.
    if (error instanceof ApiError && error.code === 'csrf_rejected') {
      return send(path, file, await csrfToken(true), options);
    }
    // The session ended on the server: the route guard then sends the person to log in, as for
    // any other request (lib/query-client.ts).
    if (error instanceof ApiError && error.code === 'unauthenticated') {
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
    }
    throw error;
  }
}

/** The token the api client would send (lib/api.ts): the session's, fetched anew when refused. */
async function csrfToken(refresh: boolean): Promise<string> {
  const cached = queryClient.getQueryData<SessionResponse>(queryKeys.session);
  if (cached && !refresh) return cached.csrfToken;
  return (await queryClient.fetchQuery({ ...sessionQueryOptions(), staleTime: 0 })).csrfToken;
}

function send(path: string, file: File, token: string, { signal, onProgress }: CheckOptions) {
  return new Promise<MediaFileCheck>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader(csrfHeaderName, token);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(1, event.loaded / event.total));
    });
    request.addEventListener('load', () => {
      try {
        resolve(answerOf(request));
      } catch (error) {
        reject(error);
      }
    });
    request.addEventListener('error', () =>
      reject(
        new ApiError({
          code: 'unavailable',
          message: `Could not reach the server for POST ${path}.`,
          status: 0,
        }),
      ),
    );
    request.addEventListener('abort', () =>
      reject(new DOMException('The check was cancelled.', 'AbortError')),
    );
    signal.addEventListener('abort', () => request.abort(), { once: true });
    const body = new FormData();
    body.append('file', file, file.name);
    request.send(body);
  });
}

function answerOf(request: XMLHttpRequest): MediaFileCheck {
  const body = parseJson(request.responseText);
  if (request.status >= 200 && request.status < 300) {
    const check = mediaFileCheckSchema.safeParse(body);
    if (check.success) return check.data;
    throw new ApiError({
      code: 'internal',
      message: 'The server’s answer to a file check did not match the contract.',
      status: request.status,
      cause: check.error,
    });
  }
  const envelope = errorResponseSchema.safeParse(body);
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    throw new ApiError({ code, message, details, status: request.status });
  }
  // Not our envelope: a proxy answered, most likely refusing the body's size.
  throw new ApiError({
    code: statusCodes[request.status] ?? 'internal',
    message: `The server answered ${request.status} without an error body.`,
    status: request.status,
  });
}

const statusCodes: Partial<Record<number, ApiError['code']>> = {
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
