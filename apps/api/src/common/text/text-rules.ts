import { errorMessage, sayError, type ErrorMessage } from '@essaim/domain';

/**
 * The one set of rules for text typed by people (docs/security.md, "Input rules"). Pure
 * functions: the GraphQL plugin and the DTO decorators both use them.
 */

/** A UTF-16 surrogate half without its partner: cannot be encoded as UTF-8, nor stored as such. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What no input may contain, even a Markdown body: NUL (PostgreSQL refuses it) and lone surrogates. */
export function unstorableTextReason(text: string): ErrorMessage<'TEXT_HAS_NUL' | 'TEXT_HAS_LONE_SURROGATE'> | null {
  if (text.includes('\u0000')) return errorMessage('TEXT_HAS_NUL');
  if (LONE_SURROGATE.test(text)) return errorMessage('TEXT_HAS_LONE_SURROGATE');
  return null;
}

/** The same, said in French. */
export function unstorableTextProblem(text: string): string | null {
  const reason = unstorableTextReason(text);
  return reason && sayError(reason, 'fr');
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

/** The rules of one-line text (title, name, label), in the order they are checked; each fits trimmed text. */
export const LINE_TEXT_RULES = [
  { name: 'noControlCharacter', reason: 'TEXT_HAS_CONTROL_CHARACTER', accepts: (text: string) => !CONTROL.test(text) },
  { name: 'noBidiOverride', reason: 'TEXT_HAS_BIDI_OVERRIDE', accepts: (text: string) => !BIDI_OVERRIDE.test(text) },
  { name: 'visibleCharacter', reason: 'TEXT_NOT_VISIBLE', accepts: hasVisibleCharacter },
] as const;

/** Why a one-line text (title, name, label) is refused, or null when it is fine. Expects trimmed text. */
export function lineTextProblem(text: string, label: string): string | null {
  const broken = LINE_TEXT_RULES.find((rule) => !rule.accepts(text));
  return broken ? sayError(errorMessage(broken.reason, { label }), 'fr') : null;
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
