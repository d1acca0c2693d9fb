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

/**
 * Above this an amount is "far above the usual". The spread never counts as less than a quarter
 * of the median, so a rent paid at exactly the same amount twelve times (MAD 0) does not make the
 * next small rise an alert; and the limit is at least three times the median, because a few past
 * payments spread widely (groceries: 60 to 420) estimate the spread poorly.
 */
export function unusualLimit(values: readonly number[], k: number): { median: number; limit: number } {
  const centre = median(values);
  const spread = Math.max(MAD_TO_SIGMA * medianAbsoluteDeviation(values, centre), centre / 4);
  return { median: centre, limit: Math.max(Math.ceil(centre + k * spread), Math.ceil(centre * 3)) };
}
