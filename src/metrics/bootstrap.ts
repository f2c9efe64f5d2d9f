import { quantileSorted } from 'simple-statistics';
import type { Random } from './random.js';

/**
 * Bootstrap confidence intervals for the mean and median pay gaps of several groups against
 * one reference group.
 *
 * Method: for each of `resamples` rounds, draw the reference group's people with replacement
 * (as many as it has) and each group's the same way, and compute the gaps of the resampled
 * means and medians; the interval is the central `level`% of those gaps (quantiles of the
 * sorted gaps, simple-statistics `quantileSorted`). The reference resample is shared by the
 * groups within a round. Resamples are drawn as counts over the sorted values, so a round
 * costs one pass over each group, with no sorting. Seeded: the same seed gives the same
 * intervals. A gap whose interval spans 0 is "not distinguishable from no gap at this sample
 * size". A group or reference without people, or with a resampled reference of 0, has none.
 *
 * @param reference the reference group's values, sorted lowest first
 * @param groups each group's values, sorted lowest first
 */
export interface GapInterval {
  readonly mean: readonly [number, number] | null;
  readonly median: readonly [number, number] | null;
}

function resample(values: Float64Array, counts: Uint32Array, random: Random): { mean: number; median: number } {
  const n = values.length;
  counts.fill(0, 0, n);
  for (let k = 0; k < n; k++) counts[random.int(n)]++;
  let sum = 0;
  const lowRank = Math.floor((n - 1) / 2);
  const highRank = Math.ceil((n - 1) / 2);
  let low = Number.NaN;
  let high = Number.NaN;
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i] as number;
    if (c === 0) continue;
    sum += c * (values[i] as number);
    if (Number.isNaN(low) && seen + c > lowRank) low = values[i] as number;
    if (Number.isNaN(high) && seen + c > highRank) high = values[i] as number;
    seen += c;
  }
  return { mean: sum / n, median: (low + high) / 2 };
}

export function bootstrapGapIntervals(
  reference: Float64Array,
  groups: readonly Float64Array[],
  options: { readonly level: number; readonly resamples: number; readonly random: Random },
): GapInterval[] {
  if (reference.length === 0) return groups.map(() => ({ mean: null, median: null }));
  const counts = new Uint32Array(Math.max(reference.length, ...groups.map((g) => g.length)));
  const meanGaps = groups.map(() => new Float64Array(options.resamples));
  const medianGaps = groups.map(() => new Float64Array(options.resamples));
  let usable = true;
  for (let b = 0; b < options.resamples; b++) {
    const r = resample(reference, counts, options.random);
    if (r.mean === 0 || r.median === 0) usable = false;
    groups.forEach((values, g) => {
      if (values.length === 0) return;
      const x = resample(values, counts, options.random);
      (meanGaps[g] as Float64Array)[b] = ((r.mean - x.mean) / r.mean) * 100;
      (medianGaps[g] as Float64Array)[b] = ((r.median - x.median) / r.median) * 100;
    });
  }
  const tail = (1 - options.level / 100) / 2;
  const interval = (gaps: Float64Array): [number, number] => {
    const sorted = Array.from(gaps).sort((a, b) => a - b);
    return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
  };
  return groups.map((values, g) =>
    values.length === 0 || !usable ? { mean: null, median: null } : { mean: interval(meanGaps[g] as Float64Array), median: interval(medianGaps[g] as Float64Array) },
  );
}
