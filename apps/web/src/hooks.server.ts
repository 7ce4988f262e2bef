import type { Handle, HandleServerError } from '@sveltejs/kit';
import { LANG_COOKIE, parseLang } from '$lib/i18n';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.lang = parseLang(event.cookies.get(LANG_COOKIE));
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%essaim.lang%', event.locals.lang),
  });
  // With "no-referrer" browsers send `Origin: null` on plain form POSTs, which SvelteKit's CSRF
  // check refuses: forms would only work with JavaScript. "same-origin" still leaks nothing
  // to other sites.
  response.headers.set('referrer-policy', 'same-origin');
  return response;
};

/** Unexpected errors: log them, show the visitor a French message without internals. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(`[web] ${event.request.method} ${event.url.pathname}:`, error);
  return { message: status === 404 ? 'Page introuvable' : 'Erreur interne' };
};
