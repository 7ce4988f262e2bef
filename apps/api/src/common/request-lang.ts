/** Languages the API writes its own sentences in (French by default, like the interface). */
export type ApiLang = 'fr' | 'en';

/**
 * The caller's language from Accept-Language: the first of French or English in preference
 * order (q values honoured), French when neither is asked for. The web app sends its interface
 * language there; the anonymous read cache keys on this header already.
 */
export function requestLang(acceptLanguage: string | string[] | undefined | null): ApiLang {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((x) => (x.primary === 'fr' || x.primary === 'en') && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.primary as ApiLang | undefined) ?? 'fr';
}

/** A sentence in both languages, picked per request. */
export type Bilingual = Record<ApiLang, string>;
