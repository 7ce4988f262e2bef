import { formatFigure, formatIndicatorValue, isYesNoUnit } from '$lib/benchmark/format';
import type { Lang } from '$lib/i18n';

/** Legend labels: numbers only with the unit once in the legend's title ("oui"/"non" stay words). */
export function legendFormat(unit: string, lang: Lang): { format: (value: number) => string; unit: string } {
  if (isYesNoUnit(unit)) return { format: (value) => formatIndicatorValue(value, unit, lang), unit: '' };
  return { format: (value) => formatFigure(value, lang), unit };
}
