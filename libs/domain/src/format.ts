/** French number formatting used in the minutes and the UI: 4.5 -> "4,5", 5 -> "5". */
export function formatDecimalFr(value: number, maxDecimals = 1): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded.toLocaleString('fr-FR', { maximumFractionDigits: maxDecimals, useGrouping: false });
}

/** A seminar score as printed in the minutes: "4,5/5", or "-" when nobody scored. */
export function formatScore(mean: number | null | undefined): string {
  return mean === null || mean === undefined ? '-' : `${formatDecimalFr(mean)}/5`;
}

/** Parses a French or English decimal ("4,5", "4.5", "1 234,5"); null when not a number. */
export function parseDecimalFr(raw: string): number | null {
  const cleaned = raw
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (cleaned === '' || !/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
