import { mean as ssMean, medianSorted } from 'simple-statistics';
import { known, unknown, type Figure } from './figure.js';

/**
 * Arithmetic mean of a list of amounts (hourly pay or bonus).
 *
 * Method: simple-statistics `mean` (sum ÷ count, with compensated summation so a million
 * amounts add up without drift). Empty input has no mean: the result is null with `reason`.
 *
 * @example mean([10, 12, 17], 'no one') // { value: 13 }
 */
export function mean(values: ArrayLike<number>, reasonIfEmpty: string): Figure {
  if (values.length === 0) return unknown(reasonIfEmpty);
  return known(ssMean(values as number[]));
}

/**
 * Median of amounts already sorted lowest first.
 *
 * Method: the middle value; for an even count, the mean of the two middle values
 * (SPEC §4 and the GOV.UK guidance), via simple-statistics `medianSorted`.
 * Empty input has no median: null with `reason`.
 *
 * @example median([13, 15], 'no one') // { value: 14 }
 */
export function median(sorted: ArrayLike<number>, reasonIfEmpty: string): Figure {
  if (sorted.length === 0) return unknown(reasonIfEmpty);
  return known(medianSorted(sorted as number[]));
}
