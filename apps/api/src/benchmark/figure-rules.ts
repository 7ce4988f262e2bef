import { derivedValue, formatDecimalFr, parseDecimalFr } from '@essaim/domain';
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

/** Why a figure cannot be stored for this indicator and territory, in French; null when it can. */
export function figureError(indicator: Indicator, territory: Pick<Territory, 'name' | 'population'>, rawValue: number): string | null {
  const unit = indicator.inputUnit ? ` ${indicator.inputUnit}` : '';
  if (isYesNo(indicator) && rawValue !== 0 && rawValue !== 1) return `« ${indicator.name} » vaut 1 (oui) ou 0 (non).`;
  if (indicator.minValue !== null && rawValue < indicator.minValue) {
    return `La valeur de « ${indicator.name} » doit être au moins ${formatDecimalFr(indicator.minValue, 3)}${unit}.`;
  }
  if (indicator.maxValue !== null && rawValue > indicator.maxValue) {
    return `La valeur de « ${indicator.name} » ne peut pas dépasser ${formatDecimalFr(indicator.maxValue, 3)}${unit}.`;
  }
  if (indicator.perInhabitants !== null && !(territory.population && territory.population > 0)) {
    return `Population officielle inconnue pour ${territory.name} : « ${indicator.name} » se calcule par habitant.`;
  }
  return null;
}

/** Fills the compared `value` of a stored figure (per-inhabitant indicators divide by the official population). */
export function withValue(row: IndicatorValue, indicator: Pick<Indicator, 'perInhabitants'>, population: number | null): IndicatorValue {
  row.value = derivedValue(row.rawValue, indicator.perInhabitants, population) ?? Number.NaN;
  return row;
}
