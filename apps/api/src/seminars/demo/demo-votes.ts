import { SCORE_MAX, SCORE_MIN } from '@essaim/domain';

/**
 * Individual half-point scores for `count` voters whose mean is exactly `mean` (mean × count
 * must be a multiple of 0.5), spread around it like real votes rather than all equal.
 */
export function scoresWithMean(mean: number, count: number): number[] {
  const halfSteps = Math.round(mean * count * 2);
  if (Math.abs(halfSteps / 2 - mean * count) > 1e-9) throw new Error(`No half-point scores for ${count} voters average ${mean}`);
  const base = Math.floor(halfSteps / count);
  const values = Array.from({ length: count }, (_, i) => (base + (i < halfSteps - base * count ? 1 : 0)) / 2);
  // Spread: move pairs apart by one point each way while staying on the 0–5 scale (sum unchanged).
  for (let i = 0; i + 1 < count && i < count - 2; i += 3) {
    if (values[i] + 1 <= SCORE_MAX && values[i + 1] - 1 >= SCORE_MIN) {
      values[i] += 1;
      values[i + 1] -= 1;
    }
  }
  return values;
}
