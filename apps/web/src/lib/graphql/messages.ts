import { defineMessages, type Lang } from '$lib/i18n';

/** What the web app says itself when the API cannot answer (the API's own errors arrive already localised). */
export const apiMessages = defineMessages({
  fr: {
    unreachable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
    unexpected: 'Le service a répondu de façon inattendue. Réessayez dans un instant.',
    noData: 'Le service a répondu sans données. Réessayez dans un instant.',
  },
  en: {
    unreachable: 'The service is unavailable for the moment. Try again in a moment.',
    unexpected: 'The service answered in an unexpected way. Try again in a moment.',
    noData: 'The service answered without data. Try again in a moment.',
  },
});

/**
 * Headers of a GraphQL call from the browser: the interface language goes in Accept-Language,
 * so the API's error messages come back in it (the server-side gql() does the same).
 */
export function apiHeaders(lang: Lang): Record<string, string> {
  return { 'content-type': 'application/json', 'accept-language': lang };
}
