type Lang = 'fr' | 'en';

const rules = { fr: new Intl.PluralRules('fr-FR'), en: new Intl.PluralRules('en-GB') };

/** "one" or "other" for a count: French puts 0 and 1 (and 1,5) in "one", English only 1. */
export function pluralCategory(count: number, lang: Lang): 'one' | 'other' {
  return rules[lang].select(count) === 'one' ? 'one' : 'other';
}

const PLURAL = /\{(\w+), one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/**
 * Resolves `{name, one {…} other {…}}` in a message (ICU-like, one level, no nesting) with
 * the count in params[name]: a number, or a string holding one ("12" — a formatted "1 234" or
 * "12,5" that is not a plain number counts as "other").
 */
export function resolvePlurals(text: string, lang: Lang, params?: Record<string, string | number>): string {
  if (!params || !text.includes(', one {')) return text;
  return text.replace(PLURAL, (_whole, name: string, one: string, other: string) => {
    const value = params[name];
    const n = typeof value === 'number' ? value : Number(value);
    if (value === undefined || value === '' || !Number.isFinite(n)) return other;
    return pluralCategory(n, lang) === 'one' ? one : other;
  });
}
