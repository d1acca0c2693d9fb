/**
 * Robust statistics for "far above the usual": the median and the median absolute deviation
 * (MAD) are not dragged up by the one big payment we are trying to spot, as a mean and standard
 * deviation would be. 1.4826 × MAD estimates the standard deviation of normally spread amounts.
 */
export const MAD_TO_SIGMA = 1.4826;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[], centre = median(values)): number {
  return median(values.map((value) => Math.abs(value - centre)));
}

/** The nearest-rank percentile `p` (0–1) of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** An amount is only "far above" past ones if it is well above the high end of what was paid before. */
export const ABOVE_HIGH_END = 1.5;

/**
 * Above this an amount is "far above the usual". The spread never counts as less than a quarter
 * of the median, so a rent paid at exactly the same amount twelve times (MAD 0) does not make the
 * next small rise an alert; the limit is at least three times the median, because a few past
 * payments spread widely (groceries: 60 to 420) estimate the spread poorly; and it is at least 1.5
 * times the 95th percentile of the past: ten grocery bills that happened to sit low (median 101)
 * made a 409 bill an alert, for a shop where bills run from 60 to 420. The percentile, not the
 * maximum, so one odd payment in a long history does not silence the rule.
 */
export function unusualLimit(values: readonly number[], k: number): { median: number; limit: number } {
  const centre = median(values);
  const spread = Math.max(MAD_TO_SIGMA * medianAbsoluteDeviation(values, centre), centre / 4);
  return { median: centre, limit: Math.max(Math.ceil(centre + k * spread), Math.ceil(centre * 3), Math.ceil(percentile(values, 0.95) * ABOVE_HIGH_END)) };
}
