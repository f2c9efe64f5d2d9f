import { quantileSorted } from 'simple-statistics';

/**
 * The smallest bandwidth, as a share of the group's median (METHOD §9.2): a group whose pay
 * does not vary (or barely) still has its resamples blurred, by a tenth of a penny in the pound.
 */
export const BANDWIDTH_FLOOR = 0.001;

/**
 * The kernel bandwidth of a smoothed bootstrap for one group (METHOD §9.2): Silverman's rule
 * of thumb, h = 0.9 × min(σ̂, IQR ÷ 1.34) × n^(−1/5) (σ̂ alone when the IQR is 0, as happens
 * when most of a group share a pay point), and at least BANDWIDTH_FLOOR × the group's median.
 * 0 for an empty group.
 *
 * @param values the group's values, sorted lowest first
 * @example bandwidth(Float64Array.of(20, 20, 20)) // 0.02: no spread, so the floor, 0.1% of £20
 */
export function bandwidth(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((values[i] as number) - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const sorted = values as unknown as number[];
  const iqr = n > 1 ? quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25) : 0;
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  const floor = BANDWIDTH_FLOOR * Math.abs(quantileSorted(sorted, 0.5));
  return Math.max(0.9 * spread * Math.pow(n, -0.2), floor);
}
