import { describe, expect, it } from 'vitest';
import { binomial } from '../../src/metrics/binomial.js';
import { Random } from '../../src/metrics/random.js';

/** Exact binomial probabilities, by the ratio of neighbours from the mode (no overflow). */
function pmf(n: number, p: number): Float64Array {
  const f = new Float64Array(n + 1);
  const mode = Math.floor((n + 1) * p);
  f[mode] = 1;
  for (let k = mode; k < n; k++) f[k + 1] = (f[k] as number) * ((n - k) / (k + 1)) * (p / (1 - p));
  for (let k = mode; k > 0; k--) f[k - 1] = (f[k] as number) * (k / (n - k + 1)) * ((1 - p) / p);
  const total = f.reduce((a, b) => a + b, 0);
  return f.map((x) => x / total);
}

/**
 * Pearson's chi-squared statistic of draws against the exact distribution, with the tails
 * pooled so that every cell expects at least 20, and its degrees of freedom.
 */
function chiSquared(draws: Uint32Array, n: number, p: number): { statistic: number; df: number } {
  const f = pmf(n, p);
  const observed = new Float64Array(n + 1);
  for (const x of draws) observed[x]++;
  let statistic = 0;
  let cells = 0;
  let expected = 0;
  let seen = 0;
  for (let k = 0; k <= n; k++) {
    expected += (f[k] as number) * draws.length;
    seen += observed[k] as number;
    if (expected >= 20 || k === n) {
      statistic += (seen - expected) ** 2 / expected;
      cells++;
      expected = 0;
      seen = 0;
    }
  }
  return { statistic, df: cells - 1 };
}

// Regimes: inversion (n·p < 30), BTPE with the explicit ratio (|y − mode| ≤ 20), BTPE with
// squeezes and the Stirling bound (large n·p·q), and p above ½ (mirrored).
const CASES: [string, number, number][] = [
  ['inversion, small', 10, 0.3],
  ['inversion, rare', 5000, 0.001],
  ['inversion, mean near 30', 120, 0.24],
  ['BTPE, mean just over 30', 100, 0.31],
  ['BTPE, moderate', 1000, 0.2],
  ['BTPE, squeezes and Stirling bound', 200_000, 0.4],
  ['BTPE, p = ½', 5000, 0.5],
  ['mirrored inversion', 40, 0.9],
  ['mirrored BTPE', 3000, 0.7],
];

describe('binomial', () => {
  it.each(CASES)('%s (n = %d, p = %d) fits the exact distribution', (_, n, p) => {
    const random = new Random(n + Math.round(p * 1000));
    const draws = new Uint32Array(40_000);
    let outside = 0;
    for (let i = 0; i < draws.length; i++) {
      const x = binomial(n, p, random);
      if (!Number.isInteger(x) || x < 0 || x > n) outside++;
      draws[i] = x;
    }
    expect(outside).toBe(0);
    const { statistic, df } = chiSquared(draws, n, p);
    // The 99.99th percentile of chi-squared is below df + 4.3·√(2·df) + 14 for these df, so a
    // correct sampler fails about once in 10,000 seeds; the seeds are fixed, so it never flakes.
    expect(statistic).toBeLessThan(df + 4.3 * Math.sqrt(2 * df) + 14);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / draws.length) + 1e-9);
  });

  it('fits closely near the mode for a million draws (BTPE acceptance steps)', () => {
    const random = new Random(11);
    const draws = Uint32Array.from({ length: 1_000_000 }, () => binomial(400, 0.2, random));
    const { statistic, df } = chiSquared(draws, 400, 0.2);
    expect(statistic).toBeLessThan(df + 4.3 * Math.sqrt(2 * df) + 14);
  });

  it('catches a wrong sampler: the test above rejects Binomial(n, 1.02 p)', () => {
    const random = new Random(9);
    const draws = Uint32Array.from({ length: 40_000 }, () => binomial(1000, 0.204, random));
    const { statistic, df } = chiSquared(draws, 1000, 0.2);
    expect(statistic).toBeGreaterThan(df + 4.3 * Math.sqrt(2 * df) + 14);
  });

  it.each([
    [0, 0.5, 0],
    [10, 0, 0],
    [10, 1, 10],
    [1, 1, 1],
  ])('binomial(%d, %d) is %d', (n, p, expected) => {
    expect(binomial(n, p, new Random(1))).toBe(expected);
  });

  it('is reproducible with the same seed', () => {
    const a = new Random(3);
    const b = new Random(3);
    for (let i = 0; i < 1000; i++) expect(binomial(50_000, 0.3, a)).toBe(binomial(50_000, 0.3, b));
  });
});
