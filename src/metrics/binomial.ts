import type { Random } from './random.js';

/**
 * A binomial random draw: how many of `trials` independent tries succeed, each with
 * probability `p`. Used by the bootstrap to draw a resample as counts of each distinct value.
 *
 * Method (exact, no normal approximation): with r = min(p, 1 − p) and the result mirrored
 * when p > ½, inversion of the distribution function when trials × r is below 30 (expected
 * work proportional to the mean), else BTPE, the triangle–parallelogram–exponential
 * rejection sampler of Kachitvichyanukul and Schmeiser (Communications of the ACM 31(2),
 * 1988), which takes about one and a half tries whatever the size. Both use only `random`,
 * so a seed gives the same draws everywhere. Inversion restarts past the mean plus ten
 * standard deviations, a tail of far less than 10⁻²⁰ that rounding could otherwise walk into.
 *
 * Edge cases: 0 trials or p ≤ 0 give 0 and p ≥ 1 gives `trials`, without using `random`.
 *
 * @example binomial(10, 0.5, new Random(1)) // a whole number from 0 to 10, 5 on average
 */
export function binomial(trials: number, p: number, random: Random): number {
  if (trials === 0 || p <= 0) return 0;
  if (p >= 1) return trials;
  return p > 0.5 ? trials - binomialUpToHalf(trials, 1 - p, Math.log(p), random) : binomialUpToHalf(trials, p, Math.log1p(-p), random);
}

/**
 * The same draw for 0 < p ≤ ½, with log(1 − p) given: a caller that draws many times with
 * one p works it out once (Math.pow costs about five times Math.exp).
 */
export function binomialUpToHalf(trials: number, p: number, logQ: number, random: Random): number {
  return trials * p < 30 ? inversion(trials, p, logQ, random) : btpe(trials, p, random);
}

function inversion(n: number, p: number, logQ: number, random: Random): number {
  const q = 1 - p;
  const first = Math.exp(n * logQ); // P(X = 0) = q^n
  const ratio = p / q;
  let x = 0;
  let px = first;
  let u = random.float();
  while (u > px) {
    x++;
    // The bound is at least 10 above the mean, so it is worked out only past 10.
    if (x > 10 && x > Math.min(n, Math.floor(n * p + 10 * Math.sqrt(n * p * q + 1)))) {
      x = 0;
      px = first;
      u = random.float();
    } else {
      u -= px;
      px *= ((n - x + 1) * ratio) / x; // P(X = x) from P(X = x − 1)
    }
  }
  return x;
}

/**
 * The remainder of Stirling's series for log Γ(k): 1/(12k) − 1/(360k³) + 1/(1260k⁵) −
 * 1/(1680k⁷) + 1/(1188k⁹), written over 166320 (166320 / 12 = 13860; some published
 * copies of BTPE print 13680).
 */
const stirling = (k: number): number => {
  const k2 = k * k;
  return (13860 - (462 - (132 - (99 - 140 / k2) / k2) / k2) / k2) / k / 166320;
};

/**
 * BTPE for p ≤ ½ and n × p ≥ 30 (steps numbered as in the paper).
 * Long because the algorithm's steps share a dozen set-up values: kept as one function so it
 * can be checked step by step against Kachitvichyanukul and Schmeiser (1988).
 */
function btpe(n: number, p: number, random: Random): number {
  // Step 0: set-up, for this n and p.
  const q = 1 - p;
  const npq = n * p * q;
  const fm = n * p + p;
  const m = Math.floor(fm); // the mode
  const p1 = Math.floor(2.195 * Math.sqrt(npq) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * p);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;

  for (;;) {
    // Step 1: the triangular region, accepted at once.
    const u = random.float() * p4;
    let v = random.float();
    let y: number;
    if (u <= p1) return Math.floor(xm - p1 * v + u);
    if (u <= p2) {
      // Step 2: the parallelograms.
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      // Step 3: the left exponential tail.
      y = Math.floor(xl + Math.log(v) / laml);
      if (y < 0 || v === 0) continue;
      v *= (u - p2) * laml;
    } else {
      // Step 4: the right exponential tail.
      y = Math.floor(xr - Math.log(v) / lamr);
      if (y > n || v === 0) continue;
      v *= (u - p3) * lamr;
    }
    // Step 5: accept y with probability f(y) / f(m), by the cheapest test that decides.
    const k = Math.abs(y - m);
    if (k <= 20 || k >= npq / 2 - 1) {
      // Step 5.1: the ratio f(y) / f(m) by recursion.
      const s = p / q;
      const as = s * (n + 1);
      let f = 1;
      if (m < y) for (let i = m + 1; i <= y; i++) f *= as / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) f /= as / i - s;
      if (v <= f) return y;
      continue;
    }
    // Step 5.2: squeezes on log f(y) / f(m), then (5.3) log f(y) / f(m) itself from
    // Stirling's formula: log Γ(m + 1) + log Γ(n − m + 1) − log Γ(y + 1) − log Γ(n − y + 1)
    // + (y − m) log(p / q), so two remainders are subtracted (some copies add all four; that
    // is off by up to 0.004 against the exact log ratio, which this matches to 1e-9).
    const rho = (k / npq) * ((k * (k / 3 + 0.625) + 1 / 6) / npq + 0.5);
    const t = (-k * k) / (2 * npq);
    const logV = Math.log(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (y - m) * Math.log((w * p) / (x1 * q)) +
      stirling(f1) + stirling(z) - stirling(x1) - stirling(w);
    if (logV <= bound) return y;
  }
}
