/**
 * A browser-like client for the running API: keeps cookies, and echoes the
 * XSRF-TOKEN cookie in X-XSRF-TOKEN on every mutating request, as Angular does.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: {
      body?: unknown;
      rawBody?: string | Uint8Array;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<{ status: number; headers: Headers; body: any; text: string }> {
    if (method !== 'GET' && options.csrf !== false && !this.cookies.has('XSRF-TOKEN')) {
      await this.request('GET', '/api/health');
    }
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const xsrf = this.cookies.get('XSRF-TOKEN');
    if (xsrf && options.csrf !== false) headers['x-xsrf-token'] = decodeURIComponent(xsrf);
    let body: string | Uint8Array | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      // A file's bytes (uploads) or text: fetch sends either as given.
      body: body as BodyInit | undefined,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (!pair || index < 0) continue;
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text && /json/.test(response.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, { body: body ?? {} });
  }
  put(path: string, body: unknown) {
    return this.request('PUT', path, { body });
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, { body });
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }

  async signIn(email: string, password: string): Promise<this> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.status !== 200)
      throw new Error(`sign-in of ${email} failed: ${response.status} ${response.text}`);
    return this;
  }

  /** A cookie's value as the server set it, if any. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}
