import { getContext, setContext } from 'svelte';
import { pluralCategory, resolvePlurals } from './plural';

export { pluralCategory, resolvePlurals };

/** Interface languages. French is the default; English is switchable with the `lang` cookie. */
export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'fr';
export const LANG_COOKIE = 'lang';

export function parseLang(value: string | null | undefined): Lang {
  return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : DEFAULT_LANG;
}

/**
 * A feature's messages: the French dictionary is the reference, the English one must have
 * exactly the same keys (a missing or extra key is a type error).
 */
export type Messages<K extends string> = { fr: Record<K, string>; en: Record<K, string> };

export function defineMessages<const F extends Record<string, string>>(messages: {
  fr: F;
  en: { [K in keyof F]: string };
}): Messages<Extract<keyof F, string>> {
  return messages as Messages<Extract<keyof F, string>>;
}

export type Params = Record<string, string | number>;
export type Translator<K extends string> = (key: K, params?: Params) => string;

/** Replaces `{name}` placeholders with params (numbers are formatted for the language). */
function interpolate(text: string, lang: Lang, params?: Params): string {
  if (!params) return text;
  return resolvePlurals(text, lang, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** A translator bound to one language: use it on the server (load functions, actions). */
export function translator<K extends string>(messages: Messages<K>, lang: Lang): Translator<K> {
  return (key, params) => interpolate(messages[lang][key] ?? messages.fr[key] ?? key, lang, params);
}

const LANG_KEY = Symbol('essaim.lang');

/** Called once by the root layout with a getter on the current language. */
export function setLangContext(getLang: () => Lang): void {
  setContext(LANG_KEY, getLang);
}

/** The current language, reactive when read in a template or `$derived`. */
export function useLang(): () => Lang {
  return getContext<(() => Lang) | undefined>(LANG_KEY) ?? (() => DEFAULT_LANG);
}

/**
 * In a component's `<script>`: `const t = useT(messages)`, then `{t('title')}` in markup.
 * The language is read at each call, so text follows a language switch without a reload.
 */
export function useT<K extends string>(messages: Messages<K>): Translator<K> {
  const lang = useLang();
  return (key, params) => translator(messages, lang())(key, params);
}

/** "12 345" in French (narrow no-break space), "12,345" in English. */
export function formatNumber(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
}

export function formatDate(value: string | Date, lang: Lang): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * Picks the message for a count with the language's plural rules (Intl.PluralRules):
 * `plural(n, lang, { one: '{count} révision', other: '{count} révisions' })`. French puts 0
 * and 1 in "one" ("0 jour", "1 jour"), English only 1. `{count}` is the formatted number.
 */
export function plural(count: number, lang: Lang, forms: { one: string; other: string }): string {
  return (pluralCategory(count, lang) === 'one' ? forms.one : forms.other).replace(/\{count\}/g, formatNumber(count, lang));
}
