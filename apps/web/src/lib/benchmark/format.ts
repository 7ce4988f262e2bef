import type { Lang } from '$lib/i18n';

/** A figure for display: French or English decimals, at most `decimals` digits. */
export function formatFigure(value: number | null | undefined, lang: Lang, decimals = 1): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: decimals });
}

/** Yes/no indicators (FranceConnect) show "oui"/"non" rather than 1/0 (unit in French or English). */
export function isYesNoUnit(unit: string): boolean {
  return /\b(oui|yes)\b/i.test(unit);
}

export function formatIndicatorValue(value: number | null | undefined, unit: string, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  if (isYesNoUnit(unit)) return value >= 1 ? (lang === 'fr' ? 'oui' : 'yes') : lang === 'fr' ? 'non' : 'no';
  return `${formatFigure(value, lang)} ${unit}`;
}

/** A signed gap ("+3,2", "−1,5"), so the direction reads without colour. */
export function formatGap(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  const text = formatFigure(Math.abs(value), lang);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/**
 * Position against the peer median as a percentage, oriented so that positive is always
 * "better" (for lower-is-better indicators the sign is flipped). Null without a median.
 */
export function relativeToMedian(value: number | null, median: number | null, higherIsBetter: boolean): number | null {
  if (value === null || median === null) return null;
  if (median === 0) return value === 0 ? 0 : null;
  const ratio = ((value - median) / Math.abs(median)) * 100;
  return Math.round((higherIsBetter ? ratio : -ratio) * 10) / 10;
}
