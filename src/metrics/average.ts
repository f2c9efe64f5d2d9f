import { mean as ssMean, medianSorted } from 'simple-statistics';

/**
 * Arithmetic mean of a list of amounts (hourly pay or bonus) (METHOD §6.2).
 *
 * Method: simple-statistics `mean` (sum ÷ count, with compensated summation so a million
 * amounts add up without drift). Empty input has no mean: the result is null, and the
 * caller says why (simple-statistics would throw).
 *
 * @example mean([10, 12, 17]) // 13
 */
export function mean(values: ArrayLike<number>): number | null {
  return values.length === 0 ? null : ssMean(values as number[]);
}

/**
 * Median of amounts already sorted lowest first (METHOD §6.2).
 *
 * Method: the middle value; for an even count, the mean of the two middle values (the GOV.UK
 * guidance), via simple-statistics `medianSorted`. Empty input has no median: null.
 *
 * @example median([13, 15]) // 14
 */
export function median(sorted: ArrayLike<number>): number | null {
  return sorted.length === 0 ? null : medianSorted(sorted as number[]);
}
