/**
 * Just enough of a browser for redirect-based logins: a cookie jar per host name (like browsers,
 * ports share cookies), redirects followed by hand, and HTML forms read and posted.
 */
export class HttpBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar(url).get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    this.jar(url).set(name, value);
  }

  /** One request, no redirect followed. */
  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.jar(url)].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    this.store(url, response.headers.getSetCookie());
    return response;
  }

  /**
   * Follows redirects from a request until a page answers (or `stopAt` matches the next URL, which
   * is then returned unvisited). Returns the last URL and its response (null when stopped).
   */
  async navigate(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    stopAt?: (next: URL) => boolean,
  ): Promise<{ url: string; response: Response | null; chain: string[] }> {
    const chain = [url];
    let response = await this.request(url, init);
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 20) throw new Error(`Too many redirects: ${chain.join(' → ')}`);
      const next = new URL(response.headers.get('location') as string, chain[chain.length - 1]);
      chain.push(next.href);
      if (stopAt?.(next)) return { url: next.href, response: null, chain };
      response = await this.request(next.href);
    }
    return { url: chain[chain.length - 1], response, chain };
  }

  /** Posts the first form of an HTML page (its action resolved against the page URL), adding `fields`. */
  async submitForm(pageUrl: string, html: string, fields: Record<string, string> = {}, stopAt?: (next: URL) => boolean) {
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`No form in page ${pageUrl}: ${html.slice(0, 300)}`);
    const hidden: Record<string, string> = {};
    for (const input of form[2].matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
      const name = /name="([^"]+)"/.exec(input[0])?.[1];
      const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
      if (name) hidden[name] = value;
    }
    const action = new URL(form[1].replace(/&amp;/g, '&'), pageUrl).href;
    return this.navigate(action, { method: 'POST', form: { ...hidden, ...fields } }, stopAt);
  }

  private jar(url: string): Map<string, string> {
    const host = new URL(url).hostname;
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new Map()));
    return jar;
  }

  private store(url: string, lines: string[]): void {
    const jar = this.jar(url);
    for (const line of lines) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
}
