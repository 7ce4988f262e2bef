import { indicatorLabel } from '@essaim/domain';
import type { Lang } from '$lib/i18n';
import type { ComparisonData } from './types';

/** The comparison with indicator names and units in the interface language (the API stores them in French). */
export function localizeComparison(comparison: ComparisonData, lang: Lang): ComparisonData {
  if (lang === 'fr') return comparison;
  return {
    ...comparison,
    rows: comparison.rows.map((row) => ({ ...row, indicator: { ...row.indicator, ...indicatorLabel(row.indicator, lang) } })),
  };
}
