/**
 * The one set of rules for text typed by people (docs/security.md, "Input rules"). Pure
 * functions: the GraphQL plugin and the DTO decorators both use them.
 */

/** A UTF-16 surrogate half without its partner: cannot be encoded as UTF-8, nor stored as such. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What no input may contain, even a Markdown body: NUL (PostgreSQL refuses it) and lone surrogates. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'Le texte envoyé contient un caractère nul (\\u0000), refusé.';
  if (LONE_SURROGATE.test(text)) return 'Le texte envoyé contient un caractère Unicode mal formé (demi-paire de substitution isolée), refusé.';
  return null;
}

/** C0 and C1 control characters (tab and line breaks included: a title is one line). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Bidi embeddings, overrides and isolates: they reorder what is displayed (e.g. "eitrap" shown as "partie"). */
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;
/** Invisible characters removed from display names: zero-width ones and bidi marks and overrides. */
// eslint-disable-next-line no-misleading-character-class -- U+034F (combining grapheme joiner) is listed alone on purpose
const ZERO_WIDTH_AND_BIDI = /[\u200B-\u200F\u2060-\u2064\uFEFF\u061C\u202A-\u202E\u2066-\u2069\u00AD\u034F\u180E]/g;
/** One character someone can see: not a space, a format or control character, nor a Hangul/braille filler. */
const VISIBLE = /[^\s\p{Cc}\p{Cf}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/u;

export const hasVisibleCharacter = (text: string): boolean => VISIBLE.test(text);

/** Why a one-line text (title, name, label) is refused, or null when it is fine. Expects trimmed text. */
export function lineTextProblem(text: string, label: string): string | null {
  if (CONTROL.test(text)) return `« ${label} » ne peut pas contenir de caractère de contrôle (tabulation, retour à la ligne…).`;
  if (BIDI_OVERRIDE.test(text)) return `« ${label} » ne peut pas contenir de caractère qui inverse le sens d'écriture.`;
  if (!hasVisibleCharacter(text)) return `« ${label} » doit contenir au moins un caractère visible.`;
  return null;
}

/** Trims one-line text; other values are left for the type check to refuse. */
export const trimmed = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * Display names: compatibility forms folded (NFKC: "Ｃａｍｉｌｌｅ" → "Camille"), invisible and
 * bidi characters removed, spaces collapsed, trimmed. What is left must still be visible.
 */
export function normaliseDisplayName(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.normalize('NFKC').replace(ZERO_WIDTH_AND_BIDI, '').replace(/\s+/g, ' ').trim();
}
