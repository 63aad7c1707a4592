import { vi } from 'vitest';
import type { RecordedRequest } from './mock-api';

/** What jsdom lacks to test file uploads: a request that reports progress, object URLs, big files. */

/** The file a check request carried. */
export function sentFile(request: RecordedRequest): File {
  const file = (request.body as FormData).get('file');
  if (!(file instanceof File)) throw new Error('The check request carried no file.');
  return file;
}

/**
 * jsdom's XMLHttpRequest would go to the network. This one hands a request to the global fetch
 * (mockApi's handlers) and reports upload progress as a browser does: half the body before the
 * answer, all of it once answered.
 */
export function routeUploadRequestsThroughFetch() {
  class FakeUploadRequest extends EventTarget {
    readonly upload = new EventTarget();
    status = 0;
    responseText = '';
    private method = 'GET';
    private url = '';
    private readonly headers: Record<string, string> = {};
    private readonly controller = new AbortController();

    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }

    send(body: FormData) {
      const file = body.get('file');
      const total = file instanceof Blob ? file.size : 0;
      const progress = (loaded: number) =>
        this.upload.dispatchEvent(new ProgressEvent('progress', { lengthComputable: true, loaded, total }));
      progress(total / 2);
      const { signal } = this.controller;
      fetch(this.url, { method: this.method, headers: this.headers, body, signal }).then(
        async (response) => {
          if (signal.aborted) return;
          progress(total);
          this.status = response.status;
          this.responseText = await response.text();
          this.dispatchEvent(new Event('load'));
        },
        () => {
          if (!signal.aborted) this.dispatchEvent(new Event('error'));
        },
      );
    }

    abort() {
      this.controller.abort();
      this.dispatchEvent(new Event('abort'));
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeUploadRequest);
}

/** jsdom has no object URLs: these hand out names and record which were revoked. */
export function fakeObjectUrls() {
  const created: string[] = [];
  const revoked: string[] = [];
  const define = (name: 'createObjectURL' | 'revokeObjectURL', value: (argument: never) => unknown) =>
    Object.defineProperty(URL, name, { configurable: true, writable: true, value });
  define('createObjectURL', () => {
    const url = `blob:whathead/${created.length + 1}`;
    created.push(url);
    return url;
  });
  define('revokeObjectURL', (url: string) => revoked.push(url));
  return { created, revoked };
}

/** A file of `size` bytes; the bytes are only allocated up to 1 MB, the size above that is said. */
export function fileOf(name: string, type: string, size: number): File {
  const file = new File([new Uint8Array(Math.min(size, 1024 * 1024))], name, { type });
  if (size > 1024 * 1024) Object.defineProperty(file, 'size', { value: size });
  return file;
}
