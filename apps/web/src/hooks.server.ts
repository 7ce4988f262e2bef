import type { Handle, HandleServerError } from '@sveltejs/kit';
import { LANG_COOKIE, parseLang } from '$lib/i18n';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.lang = parseLang(event.cookies.get(LANG_COOKIE));
  return resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%essaim.lang%', event.locals.lang),
  });
};

/** Unexpected errors: log them, show the visitor a French message without internals. */
export const handleError: HandleServerError = ({ error, event, status }) => {
  if (status !== 404) console.error(`[web] ${event.request.method} ${event.url.pathname}:`, error);
  return { message: status === 404 ? 'Page introuvable' : 'Erreur interne' };
};
