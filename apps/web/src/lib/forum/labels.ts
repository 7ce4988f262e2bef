import { FORUM_CATEGORIES } from '@essaim/domain';
import type { Lang } from '$lib/i18n';

/** Category names come from the API in French; English names live in @essaim/domain. */
export function categoryName(category: { slug: string; name: string }, lang: Lang): string {
  if (lang === 'fr') return category.name;
  return FORUM_CATEGORIES.find((c) => c.slug === category.slug)?.nameEn ?? category.name;
}

export const THREAD_SORT_VALUES = ['LATEST', 'TOP', 'UNANSWERED'] as const;
export type ThreadSortValue = (typeof THREAD_SORT_VALUES)[number];

export function parseSort(value: string | null): ThreadSortValue {
  return (THREAD_SORT_VALUES as readonly string[]).includes(value ?? '') ? (value as ThreadSortValue) : 'LATEST';
}

export const isId = (value: string | null | undefined): value is string => !!value && /^[1-9]\d{0,11}$/.test(value);

/** Moderators and admins moderate the forum (the API enforces it; the web only adapts the screens). */
export const isModerator = (user: { role: string } | null | undefined): boolean => user?.role === 'MODERATOR' || user?.role === 'ADMIN';

/** The actions written to the moderation log, as `ModerationAction.action` returns them. */
export const MODERATION_ACTIONS = [
  'HIDE_POST',
  'UNHIDE_POST',
  'LOCK_THREAD',
  'UNLOCK_THREAD',
  'PIN_THREAD',
  'UNPIN_THREAD',
  'MOVE_THREAD',
  'DISMISS_FLAGS',
  'EDIT_POST',
] as const;
export type ModerationActionValue = (typeof MODERATION_ACTIONS)[number];
export const isModerationAction = (value: string): value is ModerationActionValue => (MODERATION_ACTIONS as readonly string[]).includes(value);

/** "28 novembre 2025 à 14:05" / "28 November 2025 at 14:05". */
export function formatDateTime(value: string | Date, lang: Lang): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return date.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
}

/** A Markdown source cut to `max` characters for previews (plain text, never rendered as HTML). */
export function excerpt(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
