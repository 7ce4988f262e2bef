import {
  BLOCKER_CATEGORY_LABELS_EN,
  BLOCKER_CATEGORY_LABELS_FR,
  BLOCKER_SEVERITY_LABELS_EN,
  BLOCKER_SEVERITY_LABELS_FR,
  BLOCKER_STATUS_LABELS_EN,
  BLOCKER_STATUS_LABELS_FR,
  THEME_LABELS_EN,
  THEME_LABELS_FR,
  type BlockerCategory,
  type BlockerSeverity,
  type BlockerStatus,
  type Theme,
} from '@essaim/domain';
import type { Lang } from '$lib/i18n';

export const categoryLabel = (c: BlockerCategory, lang: Lang) => (lang === 'en' ? BLOCKER_CATEGORY_LABELS_EN : BLOCKER_CATEGORY_LABELS_FR)[c];
export const statusLabel = (s: BlockerStatus, lang: Lang) => (lang === 'en' ? BLOCKER_STATUS_LABELS_EN : BLOCKER_STATUS_LABELS_FR)[s];
export const severityLabel = (s: BlockerSeverity, lang: Lang) => (lang === 'en' ? BLOCKER_SEVERITY_LABELS_EN : BLOCKER_SEVERITY_LABELS_FR)[s];
export const themeLabel = (t: Theme, lang: Lang) => (lang === 'en' ? THEME_LABELS_EN : THEME_LABELS_FR)[t];

/** Days between two ISO dates, rounded down (for "open for N days"). */
export function daysSince(iso: string, until: string | null = null): number {
  const end = until ? new Date(until).getTime() : Date.now();
  return Math.max(0, Math.floor((end - new Date(iso).getTime()) / 86_400_000));
}
