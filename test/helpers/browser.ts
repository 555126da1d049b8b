/**
 * A browser as far as the server can tell: it keeps cookies, sends each form back with the CSRF token of the page it
 * came from, and does not follow redirects by itself (tests look at where they point).
 */
export interface PageResponse {
  status: number;
  html: string;
  location: string | null;
  /** the first error shown on the page (role="alert") */
  alert: string;
}

/** What a browser does with an attribute value before it submits it (Handlebars escapes = as &#x3D;, for one). */
export function unescapeHtml(s: string): string {
  return s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function browser(baseUrl: string) {
  const jar = new Map<string, string>();
  let csrf = '';

  async function request(method: string, path: string, form?: Record<string, string>, headers: Record<string, string> = {}): Promise<PageResponse> {
    const res = await fetch(`${baseUrl}${path}`, {
      method, redirect: 'manual',
      headers: {
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) csrf = unescapeHtml(token);
    return { status: res.status, html, location: res.headers.get('location'), alert: /role="alert">([^<]*)</.exec(html)?.[1] ?? '' };
  }

  return {
    jar,
    get: (path: string) => request('GET', path),
    /** Posts a form as the page last loaded would (with its CSRF token); loads the home page first if none was. */
    async post(path: string, form: Record<string, string>, headers?: Record<string, string>) {
      if (!csrf) await request('GET', '/');
      return request('POST', path, { _csrf: csrf, ...form }, headers);
    },
    /** GET, then follow redirects on this origin the way a browser would. */
    async open(path: string): Promise<PageResponse> {
      let r = await request('GET', path);
      for (let i = 0; i < 5 && r.location && r.status >= 300 && r.status < 400; i++) r = await request('GET', r.location);
      return r;
    },
    async signIn(username: string, password = 'gongqing2026') {
      await request('GET', '/staff/login');
      return this.post('/staff/login', { username, password });
    },
  };
}
