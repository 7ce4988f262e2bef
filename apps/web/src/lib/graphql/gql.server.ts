import { error, fail, type ActionFailure, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { TadaDocumentNode } from 'gql.tada';
import { print } from '@0no-co/graphql.web';
import { ApiError, fieldsOf, statusOf, type ApiErrorCode, type ApiErrorDetail } from './errors';
import { LANG_COOKIE, parseLang, translator } from '$lib/i18n';
import { apiMessages } from './messages';

/** Loopback URL of the API (same process in production); ESSAIM_API_URL overrides it for `npm run dev`. */
export function apiUrl(): string {
  return process.env.ESSAIM_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}/graphql`;
}

type GqlEvent = Pick<RequestEvent, 'cookies' | 'getClientAddress' | 'request'>;

/** Variables are optional when the operation has none. */
type VariablesArg<V> = V extends Record<string, never> | undefined ? [variables?: V] : [variables: V];

const KNOWN_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

function toDetail(e: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }): ApiErrorDetail {
  const extensions = e.extensions ?? {};
  const fields: string[] = [];
  if (typeof extensions.field === 'string') fields.push(extensions.field);
  if (Array.isArray(extensions.fields)) {
    for (const f of extensions.fields as { field?: unknown }[]) if (typeof f?.field === 'string') fields.push(f.field.split('.').pop()!);
  }
  return { message: e.message, code: String(extensions.code ?? 'INTERNAL_SERVER_ERROR'), path: e.path, fields, extensions };
}

/**
 * Runs a typed GraphQL operation for a load function or a form action. Forwards the visitor's
 * cookies (including those set earlier in this request, e.g. right after login) and relays the
 * API's Set-Cookie headers to the browser. Throws an ApiError when the response has errors.
 */
export async function gql<R, V>(event: GqlEvent, document: TadaDocumentNode<R, V>, ...[variables]: VariablesArg<V>): Promise<R> {
  const lang = parseLang(event.cookies.get(LANG_COOKIE));
  const t = translator(apiMessages, lang);
  let response: Response;
  try {
    response = await fetch(apiUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        cookie: cookieHeader(event.cookies),
        'x-forwarded-for': clientAddress(event),
        // The interface language (lang cookie), so sentences the API writes itself (errors included) match the page.
        'accept-language': lang,
      },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
  } catch (cause) {
    console.error('[web] GraphQL API unreachable:', cause);
    throw new ApiError('UNAVAILABLE', t('unreachable'));
  }
  relaySetCookies(response, event.cookies);

  let body: { data?: R | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError('UNAVAILABLE', t('unexpected'));
  }
  if (body.errors?.length) {
    const errors = body.errors.map(toDetail);
    const first = errors[0];
    const code = (KNOWN_CODES.has(first.code) ? first.code : 'INTERNAL_SERVER_ERROR') as ApiErrorCode;
    throw new ApiError(code, first.message, errors);
  }
  if (!body.data) throw new ApiError('UNAVAILABLE', t('noData'));
  return body.data;
}

/**
 * For load functions: like gql(), but an API error becomes SvelteKit's error page with the
 * matching status (404 for NOT_FOUND, 403 for FORBIDDEN…) and the API's message, in the interface's language.
 */
export async function gqlLoad<R, V>(event: GqlEvent, document: TadaDocumentNode<R, V>, ...variables: VariablesArg<V>): Promise<R> {
  try {
    return await gql(event, document, ...variables);
  } catch (e) {
    if (e instanceof ApiError) error(statusOf(e.code), { message: e.message, code: e.code });
    throw e;
  }
}

/** What a failed form action returns: the API's error and what the visitor typed, to re-fill the form. */
export type FormFailure<V extends Record<string, string> = Record<string, string>> = {
  error: { code: ApiErrorCode; message: string; fields: string[]; extensions: Record<string, unknown> };
  values: V;
};

/**
 * For form actions: turns an ApiError into `fail(status, { error, values })` so the page shows
 * the message near the form with the fields re-filled. Anything else is rethrown.
 * Never put passwords in `values`.
 */
export function formFailure<V extends Record<string, string>>(e: unknown, values: V): ActionFailure<FormFailure<V>> {
  if (e instanceof ApiError) {
    const extensions = e.errors[0]?.extensions ?? {};
    return fail(statusOf(e.code), { error: { code: e.code, message: e.message, fields: fieldsOf(e), extensions }, values });
  }
  throw e;
}

/** Reads text fields of a submitted form (missing fields become ''; values are trimmed unless listed in `raw`). */
export function formValues<K extends string>(data: FormData, keys: readonly K[], raw: readonly K[] = []): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of keys) {
    const value = data.get(key);
    const text = typeof value === 'string' ? value : '';
    out[key] = raw.includes(key) ? text : text.trim();
  }
  return out;
}

function cookieHeader(cookies: Cookies): string {
  return cookies
    .getAll()
    .filter((c) => c.value !== '')
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join('; ');
}

function clientAddress(event: GqlEvent): string {
  try {
    return event.getClientAddress();
  } catch {
    return '127.0.0.1';
  }
}

/** Copies the API's Set-Cookie headers (session, participant) onto the page's response. */
function relaySetCookies(response: Response, cookies: Cookies): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      /* keep the raw value */
    }
    const options: Parameters<Cookies['set']>[2] = { path: '/', httpOnly: false, secure: false };
    for (const attribute of attributes) {
      const [rawKey, ...rest] = attribute.split('=');
      const key = rawKey.trim().toLowerCase();
      const attrValue = rest.join('=').trim();
      if (key === 'path') options.path = attrValue || '/';
      else if (key === 'max-age') options.maxAge = Number(attrValue);
      else if (key === 'expires') options.expires = new Date(attrValue);
      else if (key === 'httponly') options.httpOnly = true;
      else if (key === 'secure') options.secure = true;
      else if (key === 'samesite') options.sameSite = attrValue.toLowerCase() as 'lax' | 'strict' | 'none';
      else if (key === 'domain') options.domain = attrValue;
    }
    cookies.set(name, value, options);
  }
}

/** A failure found by the page itself (before calling the API), shaped like formFailure()'s. */
export function invalidForm<V extends Record<string, string>>(message: string, values: V, fields: string[] = []): ActionFailure<FormFailure<V>> {
  return fail(400, { error: { code: 'BAD_USER_INPUT', message, fields, extensions: {} }, values });
}
