import { quantileSorted } from 'simple-statistics';
import { binomialUpToHalf } from './binomial.js';
import type { Random } from './random.js';

/** A gap's interval: [low, high] percent, or null when it has none. */
export interface GapInterval {
  readonly mean: readonly [number, number] | null;
  readonly median: readonly [number, number] | null;
}

export interface BootstrapOptions {
  /** Confidence level in percent, e.g. 95. */
  readonly level: number;
  readonly resamples: number;
  readonly random: Random;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** More distinct values than this share of people: draw person by person. */
const DISTINCT_SHARE_FOR_PEOPLE = 0.25;

/**
 * A group ready to resample: its sorted values, and its distinct values each with the
 * binomial's probability p = its count ÷ the count of it and all higher values (the last is
 * 1), kept as r = min(p, 1 − p), whether p > ½, and log(1 − r).
 */
interface Prepared {
  readonly values: Float64Array;
  readonly distinct: Float64Array;
  readonly r: Float64Array;
  readonly logQ: Float64Array;
  readonly mirrored: Uint8Array;
  readonly byPerson: boolean;
}

/** How a group's resamples are drawn: chosen by the share of distinct values, or forced (tests). */
export type ResampleMethod = 'auto' | 'by-value' | 'by-person';

function prepare(values: Float64Array, method: ResampleMethod = 'auto'): Prepared {
  const n = values.length;
  let k = 0;
  for (let i = 0; i < n; i++) if (i === 0 || values[i] !== values[i - 1]) k++;
  const byPerson = method === 'auto' ? k > DISTINCT_SHARE_FOR_PEOPLE * n : method === 'by-person';
  const size = byPerson ? 0 : k;
  const distinct = new Float64Array(size);
  const r = new Float64Array(size);
  const logQ = new Float64Array(size);
  const mirrored = new Uint8Array(size);
  if (byPerson) return { values, distinct, r, logQ, mirrored, byPerson };
  for (let i = 0, d = -1; i < n; i++) {
    if (i === 0 || values[i] !== values[i - 1]) distinct[++d] = values[i] as number;
    r[d]++;
  }
  for (let d = 0, left = n; d < k; d++) {
    const count = r[d] as number;
    const p = count / left; // the last is left / left = 1 exactly
    left -= count;
    mirrored[d] = p > 0.5 ? 1 : 0;
    r[d] = p > 0.5 ? 1 - p : p;
    logQ[d] = p > 0.5 ? Math.log(p) : Math.log1p(-p);
  }
  return { values, distinct, r, logQ, mirrored, byPerson };
}

/** A resample's mean and median, written here to spare an object per resample. */
interface Resampled {
  mean: number;
  median: number;
}

/** One multinomial resample as sequential binomials over the distinct values. */
function byValue(group: Prepared, random: Random, out: Resampled): void {
  const { distinct, r, logQ, mirrored } = group;
  const n = group.values.length;
  const lowRank = (n - 1) >> 1;
  const highRank = n >> 1;
  let left = n;
  let seen = 0;
  let sum = 0;
  let low = 0;
  let high = 0;
  for (let d = 0; left > 0; d++) {
    const rd = r[d] as number;
    // A binomial of the draws left with this value's share of what is left (r = 0: all of them).
    const drawn = rd === 0 ? 0 : binomialUpToHalf(left, rd, logQ[d] as number, random);
    const c = mirrored[d] ? left - drawn : drawn;
    if (c === 0) continue;
    const value = distinct[d] as number;
    sum += c * value;
    if (seen <= lowRank && seen + c > lowRank) low = value;
    if (seen <= highRank && seen + c > highRank) high = value;
    seen += c;
    left -= c;
  }
  out.mean = sum / n;
  out.median = (low + high) / 2;
}

/** One resample drawn person by person, counted over the sorted values. */
function byPerson(group: Prepared, random: Random, counts: Uint32Array, out: Resampled): void {
  const { values } = group;
  const n = values.length;
  counts.fill(0, 0, n);
  for (let k = 0; k < n; k++) counts[random.int(n)]++;
  const lowRank = (n - 1) >> 1;
  const highRank = n >> 1;
  let seen = 0;
  let sum = 0;
  let low = 0;
  let high = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i] as number;
    if (c === 0) continue;
    const value = values[i] as number;
    sum += c * value;
    if (seen <= lowRank && seen + c > lowRank) low = value;
    if (seen <= highRank && seen + c > highRank) high = value;
    seen += c;
  }
  out.mean = sum / n;
  out.median = (low + high) / 2;
}

/**
 * The bootstrap distribution of one group's mean and median: the averages of `resamples`
 * resamples of `values` (sorted lowest first), drawn as `bootstrapGapIntervals` draws them.
 * For checking the resampling itself; `method` forces one way of drawing.
 */
export function resampledAverages(values: Float64Array, resamples: number, random: Random, method: ResampleMethod = 'auto') {
  const group = prepare(values, method);
  const counts = new Uint32Array(group.byPerson ? values.length : 0);
  const means = new Float64Array(resamples);
  const medians = new Float64Array(resamples);
  const out: Resampled = { mean: 0, median: 0 };
  for (let b = 0; b < resamples && values.length > 0; b++) {
    if (group.byPerson) byPerson(group, random, counts, out);
    else byValue(group, random, out);
    means[b] = out.mean;
    medians[b] = out.median;
  }
  return { means, medians };
}

/**
 * Bootstrap confidence intervals for the mean and median pay gaps of several groups against
 * one reference group.
 *
 * Method: for each of `resamples` rounds, draw the reference group's people with replacement
 * (as many as it has) and each group's the same way, and compute the gaps of the resampled
 * means and medians; the interval is the central `level`% of those gaps (quantiles of the
 * sorted gaps, simple-statistics `quantileSorted`). The reference resample is shared by the
 * groups within a round. A gap whose interval spans 0 is "not distinguishable from no gap at
 * this sample size". A group or reference without people, or with a resampled reference
 * mean or median of 0, has none. Seeded: the same `random` gives the same intervals.
 *
 * How a resample is drawn: only how many times each person is drawn matters, and people
 * with the same pay are interchangeable, so a resample is a count for each distinct value: a
 * multinomial draw of n over the distinct values, with each one's share of the group as its
 * probability. It is drawn value by value, lowest first, as a binomial of the draws still to
 * place with the value's share of what is left (exactly the multinomial), and the mean and
 * the median (from the running count) come out of the same pass. That costs one binomial per
 * distinct value rather than one draw per person: pay points repeat, so a group of 170,000
 * people with 2,000 distinct rates costs 2,000 binomials a round. When values hardly repeat
 * (more than a quarter distinct), one draw per person into counts is cheaper, and is used.
 * Either way the resample has the same distribution as drawing people one by one.
 *
 * @param reference the reference group's values, sorted lowest first
 * @param groups each group's values, sorted lowest first
 * @param options.onProgress called with the rounds done, about a hundred times in all
 * @example bootstrapGapIntervals(Float64Array.of(20, 20, 30), [Float64Array.of(15, 18)], { level: 95, resamples: 1000, random: new Random(1) })
 */
export function bootstrapGapIntervals(reference: Float64Array, groups: readonly Float64Array[], options: BootstrapOptions): GapInterval[] {
  if (reference.length === 0) return groups.map(() => ({ mean: null, median: null }));
  const { resamples, random, onProgress } = options;
  const ref = prepare(reference);
  const prepared = groups.map((values) => prepare(values));
  const counts = new Uint32Array(Math.max(ref.byPerson ? reference.length : 0, ...prepared.map((g) => (g.byPerson ? g.values.length : 0))));
  const draw = (group: Prepared, out: Resampled) => (group.byPerson ? byPerson(group, random, counts, out) : byValue(group, random, out));
  const meanGaps = groups.map(() => new Float64Array(resamples));
  const medianGaps = groups.map(() => new Float64Array(resamples));
  const r: Resampled = { mean: 0, median: 0 };
  const x: Resampled = { mean: 0, median: 0 };
  const every = Math.max(1, Math.round(resamples / 100));
  let usable = true;
  for (let b = 0; b < resamples; b++) {
    draw(ref, r);
    if (r.mean === 0 || r.median === 0) usable = false;
    for (let g = 0; g < prepared.length; g++) {
      const group = prepared[g] as Prepared;
      if (group.values.length === 0) continue;
      draw(group, x);
      (meanGaps[g] as Float64Array)[b] = ((r.mean - x.mean) / r.mean) * 100;
      (medianGaps[g] as Float64Array)[b] = ((r.median - x.median) / r.median) * 100;
    }
    if (onProgress !== undefined && ((b + 1) % every === 0 || b + 1 === resamples)) onProgress(b + 1, resamples);
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
