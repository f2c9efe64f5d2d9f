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

/**
 * Values held by at most this many people are drawn person by person, the rest by binomials:
 * a binomial costs about as much as five draws of one person.
 */
const FEW = 4;

/**
 * Binomial probabilities p, each kept as r = min(p, 1 − p), whether p > ½, and log(1 − r),
 * so that a draw is `binomialUpToHalf` (mirrored when p > ½).
 */
interface Shares {
  readonly r: Float64Array;
  readonly logQ: Float64Array;
  readonly mirrored: Uint8Array;
}

function shares(ps: readonly number[]): Shares {
  const r = new Float64Array(ps.length);
  const logQ = new Float64Array(ps.length);
  const mirrored = new Uint8Array(ps.length);
  ps.forEach((p, i) => {
    mirrored[i] = p > 0.5 ? 1 : 0;
    r[i] = p > 0.5 ? 1 - p : p;
    logQ[i] = p > 0.5 ? Math.log(p) : Math.log1p(-p);
  });
  return { r, logQ, mirrored };
}

function draw(trials: number, s: Shares, i: number, random: Random): number {
  const r = s.r[i] as number;
  const drawn = r === 0 || trials === 0 ? 0 : binomialUpToHalf(trials, r, s.logQ[i] as number, random);
  return s.mirrored[i] ? trials - drawn : drawn;
}

/** A group ready to resample (see `bootstrapGapIntervals` for the method). */
interface Prepared {
  /** The people's values, lowest first. */
  readonly values: Float64Array;
  /** Every value is held by few people: resample person by person, counting over people. */
  readonly byPerson: boolean;
  readonly distinct: Float64Array;
  /** The distinct values held by more than FEW people (indices into `distinct`), lowest first... */
  readonly many: Uint32Array;
  /** ...and their binomial shares: each one's count ÷ the count of it and the later ones. */
  readonly manyShares: Shares;
  /** For each person on a value held by few, that value's index into `distinct`. */
  readonly fewPeople: Uint32Array;
  /** The share of people on values held by few: how many draws go to them, as a binomial. */
  readonly fewShare: Shares;
}

/** How a group's resamples are drawn: 'auto', or one way throughout (for tests). */
export type ResampleMethod = 'auto' | 'by-value' | 'by-person';

function prepare(values: Float64Array, method: ResampleMethod = 'auto'): Prepared {
  const n = values.length;
  const distinctList: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || values[i] !== values[i - 1]) {
      distinctList.push(values[i] as number);
      counts.push(0);
    }
    counts[counts.length - 1]++;
  }
  const few = method === 'by-value' ? 0 : method === 'by-person' ? Infinity : FEW;
  const many = counts.flatMap((c, d) => (c > few ? [d] : []));
  let manyLeft = many.reduce((sum, d) => sum + (counts[d] as number), 0);
  const manyShares = shares(
    many.map((d) => {
      const p = (counts[d] as number) / manyLeft; // the last is 1 exactly
      manyLeft -= counts[d] as number;
      return p;
    }),
  );
  const fewPeople: number[] = [];
  counts.forEach((c, d) => {
    if (c <= few) for (let j = 0; j < c; j++) fewPeople.push(d);
  });
  return {
    values,
    byPerson: fewPeople.length === n,
    distinct: Float64Array.from(distinctList),
    many: Uint32Array.from(many),
    manyShares,
    fewPeople: Uint32Array.from(fewPeople),
    fewShare: shares([n === 0 ? 0 : fewPeople.length / n]),
  };
}

/** A resample's mean and median, written here to spare an object per resample. */
interface Resampled {
  mean: number;
  median: number;
}

/** The mean and median of n draws counted over `values` (lowest first). */
function averages(values: Float64Array, counts: Uint32Array, n: number, out: Resampled): void {
  const lowRank = (n - 1) >> 1;
  const highRank = n >> 1;
  let seen = 0;
  let sum = 0;
  let low = 0;
  let high = 0;
  for (let i = 0; i < values.length; i++) {
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
 * One multinomial resample counted over the distinct values: how many draws land on values
 * held by few people is a binomial, and those draws pick such people one by one; the rest
 * are shared among the other values by sequential binomials.
 */
function byValue(group: Prepared, random: Random, counts: Uint32Array, out: Resampled): void {
  const { distinct, many, manyShares, fewPeople } = group;
  const n = group.values.length;
  counts.fill(0, 0, distinct.length);
  const fewDraws = draw(n, group.fewShare, 0, random);
  const few = fewPeople.length;
  for (let j = 0; j < fewDraws; j++) counts[fewPeople[random.int(few)] as number]++;
  let left = n - fewDraws;
  for (let h = 0; left > 0; h++) {
    const c = draw(left, manyShares, h, random);
    counts[many[h] as number] = c;
    left -= c;
  }
  averages(distinct, counts, n, out);
}

/** One resample drawn person by person, counted over the people. */
function byPerson(group: Prepared, random: Random, counts: Uint32Array, out: Resampled): void {
  const { values } = group;
  const n = values.length;
  counts.fill(0, 0, n);
  for (let k = 0; k < n; k++) counts[random.int(n)]++;
  averages(values, counts, n, out);
}

const countsNeeded = (group: Prepared) => (group.byPerson ? group.values.length : group.distinct.length);

/**
 * The bootstrap distribution of one group's mean and median: the averages of `resamples`
 * resamples of `values` (sorted lowest first), drawn as `bootstrapGapIntervals` draws them.
 * For checking the resampling itself; `method` forces one way of drawing.
 */
export function resampledAverages(values: Float64Array, resamples: number, random: Random, method: ResampleMethod = 'auto') {
  const group = prepare(values, method);
  const counts = new Uint32Array(countsNeeded(group));
  const means = new Float64Array(resamples);
  const medians = new Float64Array(resamples);
  const out: Resampled = { mean: 0, median: 0 };
  for (let b = 0; b < resamples && values.length > 0; b++) {
    if (group.byPerson) byPerson(group, random, counts, out);
    else byValue(group, random, counts, out);
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
 * the median (from the running count) come out of one pass. That costs one binomial per
 * distinct value rather than one draw per person: pay points repeat, so a group of 170,000
 * people with 2,000 distinct rates costs at most 2,000 binomials a round. Values held by a
 * few people (at most FEW) are cheaper drawn one person at a time: how many of the n draws
 * land on them is one binomial (their share of the group), and each of those draws picks one
 * of their people; the other values share the rest by sequential binomials. When every value
 * is held by few (distinct pay), the resample is drawn person by person throughout. Each way
 * is an exact multinomial draw: the same distribution as drawing people one by one.
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
  const counts = new Uint32Array(Math.max(countsNeeded(ref), ...prepared.map(countsNeeded)));
  const resample = (group: Prepared, out: Resampled) => (group.byPerson ? byPerson(group, random, counts, out) : byValue(group, random, counts, out));
  const meanGaps = groups.map(() => new Float64Array(resamples));
  const medianGaps = groups.map(() => new Float64Array(resamples));
  const r: Resampled = { mean: 0, median: 0 };
  const x: Resampled = { mean: 0, median: 0 };
  const every = Math.max(1, Math.round(resamples / 100));
  let usable = true;
  for (let b = 0; b < resamples; b++) {
    resample(ref, r);
    if (r.mean === 0 || r.median === 0) usable = false;
    for (let g = 0; g < prepared.length; g++) {
      const group = prepared[g] as Prepared;
      if (group.values.length === 0) continue;
      resample(group, x);
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
