import { openAsBlob } from 'node:fs';
import { csrfHeaderName } from '@whathead/contracts';

/**
 * A browser as far as Whathead's API can tell: keeps its cookies, echoes the CSRF token, and comes
 * from `address` through a trusted proxy (X-Forwarded-For), so one process can be many visitors.
 */
export class HttpVisitor {
  readonly #baseUrl: string;
  readonly #address: string;
  readonly #cookies = new Map<string, string>();
  #csrfToken = '';

  constructor(baseUrl: string, address: string) {
    this.#baseUrl = baseUrl;
    this.#address = address;
  }

  /** Opens the app: the session request that hands out the CSRF token. */
  async open(): Promise<this> {
    await this.request('GET', '/api/session');
    return this;
  }

  post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    return this.request('POST', path, body);
  }

  /** Sends one file as a form does (multipart/form-data, part `file`), read from disk as it goes. */
  async postFile(
    path: string,
    filePath: string,
    fileName: string,
  ): Promise<{ status: number; body: unknown }> {
    const form = new FormData();
    form.set('file', await openAsBlob(filePath), fileName);
    return this.request('POST', path, form);
  }

  async request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const form = body instanceof FormData ? body : undefined;
    const response = await fetch(`${this.#baseUrl}${path}`, {
      method,
      headers: {
        'x-forwarded-for': this.#address,
        cookie: [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(method === 'GET' ? {} : { [csrfHeaderName]: this.#csrfToken }),
        ...(method !== 'GET' && !form ? { 'content-type': 'application/json' } : {}),
      },
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      if (value === '' || /Max-Age=0/i.test(cookie)) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed)
      this.#csrfToken = String(parsed.csrfToken);
    return { status: response.status, body: parsed };
  }
}
