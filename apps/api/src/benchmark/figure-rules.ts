import { derivedValue, errorMessage, formatDecimalFr, parseDecimalFr, sayError, type ErrorMessage } from '@essaim/domain';
import type { Territory } from '../territories/territory.entity';
import type { IndicatorValue } from './indicator-value.entity';
import type { Indicator } from './indicator.entity';

/** Yes/no indicators (FranceConnect…) accept "oui"/"non" in CSV files and only 0 or 1. */
export function isYesNo(indicator: Pick<Indicator, 'minValue' | 'maxValue' | 'inputUnit'>): boolean {
  return indicator.minValue === 0 && indicator.maxValue === 1 && /oui/i.test(indicator.inputUnit);
}

/** Parses a figure as typed in a CSV cell: French or English decimals, a trailing "%", "oui"/"non". */
export function parseFigure(raw: string, indicator: Pick<Indicator, 'minValue' | 'maxValue' | 'inputUnit'>): number | null {
  const text = raw.trim();
  if (isYesNo(indicator)) {
    if (/^(oui|yes|vrai|true)$/i.test(text)) return 1;
    if (/^(non|no|faux|false)$/i.test(text)) return 0;
  }
  return parseDecimalFr(text.replace(/\s*%$/, ''));
}

/** Why a figure cannot be stored for this indicator and territory; null when it can. */
export function figureProblem(indicator: Indicator, territory: Pick<Territory, 'name' | 'population'>, rawValue: number): ErrorMessage | null {
  const unit = indicator.inputUnit ? ` ${indicator.inputUnit}` : '';
  const decimal = (value: number) => ({ fr: formatDecimalFr(value, 3), en: String(Number(value.toFixed(3))) });
  if (isYesNo(indicator) && rawValue !== 0 && rawValue !== 1) return errorMessage('FIGURE_YES_NO', { indicator: indicator.name });
  if (indicator.minValue !== null && rawValue < indicator.minValue) {
    return errorMessage('FIGURE_BELOW_MIN', { indicator: indicator.name, min: decimal(indicator.minValue), unit });
  }
  if (indicator.maxValue !== null && rawValue > indicator.maxValue) {
    return errorMessage('FIGURE_ABOVE_MAX', { indicator: indicator.name, max: decimal(indicator.maxValue), unit });
  }
  if (indicator.perInhabitants !== null && !(territory.population && territory.population > 0)) {
    return errorMessage('FIGURE_NEEDS_POPULATION', { name: territory.name, indicator: indicator.name });
  }
  return null;
}

/** figureProblem in French (import reports are written in French). */
export function figureError(indicator: Indicator, territory: Pick<Territory, 'name' | 'population'>, rawValue: number): string | null {
  const problem = figureProblem(indicator, territory, rawValue);
  return problem && sayError(problem, 'fr');
}

/** Fills the compared `value` of a stored figure (per-inhabitant indicators divide by the official population). */
export function withValue(row: IndicatorValue, indicator: Pick<Indicator, 'perInhabitants'>, population: number | null): IndicatorValue {
  row.value = derivedValue(row.rawValue, indicator.perInhabitants, population) ?? Number.NaN;
  return row;
}
