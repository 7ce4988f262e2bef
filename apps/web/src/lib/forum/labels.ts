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
