import { describe, expect, it } from 'vitest';
import { bootstrapGapIntervals } from '../../src/metrics/bootstrap.js';
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
