import { describe, expect, it } from 'vitest';
import { bootstrapGapIntervals, resampledAverages, type ResampleMethod } from '../../src/metrics/bootstrap.js';
import { Random } from '../../src/metrics/random.js';
import { reportJson } from '../helpers/run-cli.js';

const sorted = (values: number[]) => Float64Array.from(values).sort();
const options = (seed: number) => ({ level: 95, resamples: 400, random: new Random(seed) });

describe('bootstrapGapIntervals', () => {
  it('is exact when everyone in each group is paid the same', () => {
    const [i] = bootstrapGapIntervals(sorted(Array(30).fill(20)), [sorted(Array(12).fill(15))], options(1));
    expect(i?.mean).toEqual([25, 25]);
    expect(i?.median).toEqual([25, 25]);
  });

  it('spans 0 for two samples from the same pay', () => {
    const pay = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    const [i] = bootstrapGapIntervals(sorted([...pay, ...pay]), [sorted(pay)], options(2));
    expect(i!.mean![0]).toBeLessThan(0);
    expect(i!.mean![1]).toBeGreaterThan(0);
  });

  it('is reproducible with the same seed and contains the gap for clearly different groups', () => {
    const men = sorted(Array.from({ length: 200 }, (_, k) => 20 + (k % 10)));
    const women = sorted(Array.from({ length: 200 }, (_, k) => 15 + (k % 10)));
    const a = bootstrapGapIntervals(men, [women], options(7));
    expect(bootstrapGapIntervals(men, [women], options(7))).toEqual(a);
    const gap = ((24.5 - 19.5) / 24.5) * 100;
    expect(a[0]!.mean![0]).toBeLessThan(gap);
    expect(a[0]!.mean![1]).toBeGreaterThan(gap);
    expect(a[0]!.mean![0]).toBeGreaterThan(0);
  });

  it('has no interval for an empty group or reference', () => {
    expect(bootstrapGapIntervals(sorted([]), [sorted([1])], options(1))).toEqual([{ mean: null, median: null }]);
    expect(bootstrapGapIntervals(sorted([1, 2]), [sorted([])], options(1))).toEqual([{ mean: null, median: null }]);
  });
});

/**
 * The resampling itself, against what a bootstrap resample of n people must give: the
 * resampled mean has expectation x̄ and variance σ̂²/n (σ̂² the group's variance with divisor
 * n), and for odd n the resampled median is at or below the j-th distinct value exactly when
 * at least (n + 1)/2 of the n draws are, a Binomial(n, F_j) count, F_j the share of people at
 * or below it. Both ways of drawing are checked on the same groups; each check allows five
 * standard errors of the 20,000 resamples.
 */
describe('resampledAverages', () => {
  /** P(Binomial(n, p) ≥ h), summed from exact probabilities (ratios of neighbours). */
  function upperTail(n: number, p: number, h: number): number {
    if (p >= 1) return 1;
    // From the mode outwards, so nothing overflows.
    const f = new Float64Array(n + 1);
    const mode = Math.floor((n + 1) * p);
    f[mode] = 1;
    for (let k = mode; k < n; k++) f[k + 1] = (f[k] as number) * ((n - k) / (k + 1)) * (p / (1 - p));
    for (let k = mode; k > 0; k--) f[k - 1] = (f[k] as number) * (k / (n - k + 1)) * ((1 - p) / p);
    const total = f.reduce((a, b) => a + b, 0);
    let tail = 0;
    for (let k = h; k <= n; k++) tail += f[k] as number;
    return tail / total;
  }
  // 301 people on 12 pay points, and 301 with 60% on one point (binomial shares above ½).
  const spread = sorted(Array.from({ length: 301 }, (_, i) => 10 + ((i * 7) % 12) * 1.25));
  const crowded = sorted(Array.from({ length: 301 }, (_, i) => (i % 5 < 3 ? 20 : 10 + (i % 23))));
  // Pay points held by many, and values held by one to four people (drawn person by person).
  const mixed = sorted(Array.from({ length: 301 }, (_, i) => (i < 200 ? 10 + (i % 8) * 2 : 9.5 + (i % 60) * 0.25)));
  const R = 20_000;

  it.each(['by-value', 'by-person', 'auto'] as ResampleMethod[])('%s gives the exact median distribution for 2 and 3 people', (method) => {
    const frequencies = (medians: Float64Array) => {
      const found = new Map<number, number>();
      for (const m of medians) found.set(m, (found.get(m) ?? 0) + 1 / medians.length);
      return found;
    };
    const close = (found: Map<number, number>, exact: [number, number][]) => {
      expect([...found.keys()].sort((a, b) => a - b)).toEqual(exact.map(([v]) => v));
      for (const [v, p] of exact) expect(Math.abs((found.get(v) as number) - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / R));
    };
    // Two people: both draws the lower (¼), one of each (½, median 15), both the higher (¼).
    close(frequencies(resampledAverages(Float64Array.of(10, 20), R, new Random(5), method).medians), [[10, 0.25], [15, 0.5], [20, 0.25]]);
    // Three people: the median is 1 when at least two of three draws are 1: 7/27.
    close(frequencies(resampledAverages(Float64Array.of(1, 2, 3), R, new Random(6), method).medians), [[1, 7 / 27], [2, 13 / 27], [3, 7 / 27]]);
  });

  it.each([
    ['by-value', 'spread', spread],
    ['by-person', 'spread', spread],
    ['by-value', 'crowded', crowded],
    ['by-person', 'crowded', crowded],
    ['auto', 'mixed', mixed],
    ['by-value', 'mixed', mixed],
  ] as [ResampleMethod, string, Float64Array][])('%s on %s pay has the exact bootstrap distribution', (method, _, values) => {
    const n = values.length;
    const { means, medians } = resampledAverages(values, R, new Random(42), method);
    const xbar = values.reduce((a, b) => a + b, 0) / n;
    const variance = values.reduce((a, b) => a + (b - xbar) ** 2, 0) / n / n;
    const meanOfMeans = means.reduce((a, b) => a + b, 0) / R;
    const varianceOfMeans = means.reduce((a, b) => a + (b - meanOfMeans) ** 2, 0) / (R - 1);
    expect(Math.abs(meanOfMeans - xbar)).toBeLessThan(5 * Math.sqrt(variance / R));
    expect(Math.abs(varianceOfMeans / variance - 1)).toBeLessThan(5 * Math.sqrt(2 / R));
    const distinct = [...new Set(values)];
    for (const v of distinct) {
      const share = values.filter((x) => x <= v).length / n;
      const exact = upperTail(n, share, (n + 1) / 2);
      const found = medians.filter((m) => m <= v).length / R;
      expect(Math.abs(found - exact)).toBeLessThanOrEqual(5 * Math.sqrt((exact * (1 - exact)) / R) + 1e-3);
    }
  });
});

/**
 * Coverage: on samples from populations with a known gap, a 95% interval should contain the
 * true gap in about 95% of samples. Each seed draws a fresh reference sample and group sample
 * (the group's population is the reference's scaled by 0.92, so the true mean and median gaps
 * are both exactly 8%) and computes the interval with 400 resamples.
 *
 * Tolerance: with 400 seeds a coverage estimate has a standard error of 1.1 points, and
 * percentile intervals of a ratio of means under-cover by about a point at these sizes (the
 * earlier person-by-person sampler gave 94.8% on the pay-point case), so 95% ± 4 points is
 * three standard errors plus that bias. Medians of pay points are discrete (many people share
 * the median's pay point), and percentile intervals then over-cover (99% here, and with the
 * earlier sampler too), so there only the lower bound applies.
 */
describe('coverage on data with a known 8% gap', () => {
  const GAP = 8;
  const SEEDS = 400;
  const normal = (random: Random) => Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
  // 60 pay points from £10 to £40, most people in the lower middle.
  const points = Array.from({ length: 60 }, (_, i) => Math.round(10_000 * Math.pow(4, i / 59)) / 1000);
  const weights = points.map((_, i) => Math.exp(-(((i - 24) / 10.8) ** 2) / 2) + 0.02);
  const total = weights.reduce((a, b) => a + b, 0);
  const payPoints = (random: Random, n: number, scale: number) =>
    sorted(
      Array.from({ length: n }, () => {
        let u = random.float() * total;
        let j = 0;
        while (j < points.length - 1 && u >= (weights[j] as number)) u -= weights[j++] as number;
        return (points[j] as number) * scale;
      }),
    );
  // Log-normal pay to 4 decimal places: nearly every value distinct.
  const distinct = (random: Random, n: number, scale: number) =>
    sorted(Array.from({ length: n }, () => Math.round(10_000 * scale * Math.exp(3 + 0.35 * normal(random))) / 10_000));

  function coverage(draw: (random: Random, n: number, scale: number) => Float64Array, nReference: number, nGroup: number) {
    let mean = 0;
    let median = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const random = new Random(1000 + seed);
      const reference = draw(random, nReference, 1);
      const group = draw(random, nGroup, 1 - GAP / 100);
      const [interval] = bootstrapGapIntervals(reference, [group], { level: 95, resamples: 400, random: new Random(seed) });
      const contains = (range: readonly [number, number] | null | undefined) => range != null && range[0] <= GAP + 1e-9 && GAP - 1e-9 <= range[1];
      if (contains(interval?.mean)) mean++;
      if (contains(interval?.median)) median++;
    }
    return { mean: (mean / SEEDS) * 100, median: (median / SEEDS) * 100 };
  }

  it('is about 95% for pay points (resampled as counts of each distinct value)', () => {
    const found = coverage(payPoints, 600, 300);
    expect(Math.abs(found.mean - 95)).toBeLessThanOrEqual(4);
    expect(found.median).toBeGreaterThanOrEqual(91);
  });

  it('is about 95% for distinct pay (resampled person by person)', () => {
    const found = coverage(distinct, 300, 150);
    expect(Math.abs(found.mean - 95)).toBeLessThanOrEqual(4);
    expect(Math.abs(found.median - 95)).toBeLessThanOrEqual(4);
  });
});

describe('--ci', () => {
  it('adds intervals to shown gaps only, reproducibly', async () => {
    const args = ['fixtures/esr-sample.csv', '--ci', '95', '--resamples', '200', '--quiet'];
    const report = await reportJson(args);
    expect(await reportJson(args)).toEqual(report);
    for (const view of report.characteristics) {
      for (const g of view.groups) {
        if (g.reference || !g.comparable || g.meanGapPercent === null) expect(g.confidence).toBeNull();
        else {
          expect(g.confidence).toMatchObject({ level: 95, resamples: 200 });
          const i = g.confidence.meanGapPercent;
          expect(i.low).toBeLessThanOrEqual(g.meanGapPercent);
          expect(i.high).toBeGreaterThanOrEqual(g.meanGapPercent);
        }
      }
    }
    // The sample's sex gap (17%) is far from 0; a group paid as the reference is not.
    const female = report.characteristics[0].groups[1];
    expect(female.confidence.meanGapPercent).toMatchObject({ distinguishable: true });
    expect(female.confidence.meanGapPercent.low).toBeGreaterThan(0);
    const same = ['Employee Number,Gender,Hourly Rate', ...Array.from({ length: 40 }, (_, i) => `${i + 1},${i % 2 ? 'Male' : 'Female'},${10 + (i % 20)}`)].join('\n');
    const equal = await reportJson(['-', '--ci', '95', '--quiet'], { stdin: same });
    expect(equal.characteristics[0].groups[1].confidence.meanGapPercent).toMatchObject({ distinguishable: false });
    const without = await reportJson(['fixtures/esr-sample.csv', '--quiet']);
    expect(without.characteristics[0].groups[1].confidence).toBeNull();
  });
});
