/**
 * The matching decomposition (METHOD §17) worked out again, independently of
 * src/metrics/decompose.ts and src/report/explain.ts: from the people themselves (not from
 * published figures), in exact rational arithmetic (pay in pence as BigInt fractions), and
 * in the textbook's form (Ñopo 2008, eq. 5) rather than as a sum over cells:
 *
 *   Δ_R = α_r (μ_r(¬S) − μ_r(S))        the reference group outside the common support S
 *   Δ_G = α_g (μ_g(S) − μ_g(¬S))        the group outside it
 *   Δ_X = μ_r(S) − μ_cf(S)              μ_cf: the group's own spread over S, paid the
 *   Δ_0 = μ_cf(S) − μ_g(S)              reference group's mean in each cell
 *
 * where α is the share of a group's people outside S and μ(·) a mean over people. Cells are
 * whatever `cellOf` says, so a test can merge the cells a report withholds into one, as the
 * report does.
 */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
function frac(n: bigint, d: bigint): Fraction {
  if (d < 0n) return frac(-n, -d);
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Fraction, b: Fraction) => add(a, { n: -b.n, d: b.d });
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const ZERO = frac(0n, 1n);
export const toNumber = (f: Fraction): number => Number(f.n) / Number(f.d);

export interface Earner {
  /** Pay in pence an hour (a whole number). */
  readonly pence: number;
  readonly cell: string;
}

export interface ExactParts {
  readonly gap: Fraction;
  readonly composition: Fraction;
  readonly withinCell: Fraction;
  readonly referenceOnlyCells: Fraction;
  readonly groupOnlyCells: Fraction;
}

/** Mean in pounds of the given earners (0 when there are none: it is then multiplied by 0). */
function mean(people: readonly Earner[]): Fraction {
  if (people.length === 0) return ZERO;
  return frac(people.reduce((s, p) => s + BigInt(p.pence), 0n), BigInt(people.length) * 100n);
}

export function exactNopo(reference: readonly Earner[], group: readonly Earner[]): ExactParts {
  const cellsOf = (people: readonly Earner[]) => new Set(people.map((p) => p.cell));
  const rCells = cellsOf(reference);
  const gCells = cellsOf(group);
  const inS = (p: Earner) => rCells.has(p.cell) && gCells.has(p.cell);
  const [rS, rOut] = [reference.filter(inS), reference.filter((p) => !inS(p))];
  const [gS, gOut] = [group.filter(inS), group.filter((p) => !inS(p))];
  const alphaR = frac(BigInt(rOut.length), BigInt(reference.length));
  const alphaG = frac(BigInt(gOut.length), BigInt(group.length));
  // μ_cf(S): each of the group's people in S paid the reference group's mean in their cell.
  const cellMeans = new Map<string, Fraction>();
  for (const cell of new Set(rS.map((p) => p.cell))) cellMeans.set(cell, mean(rS.filter((p) => p.cell === cell)));
  const counterfactual = gS.reduce((s, p) => add(s, cellMeans.get(p.cell) as Fraction), ZERO);
  const muCf = mul(counterfactual, frac(1n, BigInt(gS.length)));
  return {
    gap: sub(mean(reference), mean(group)),
    composition: sub(mean(rS), muCf),
    withinCell: sub(muCf, mean(gS)),
    referenceOnlyCells: mul(alphaR, sub(mean(rOut), mean(rS))),
    groupOnlyCells: mul(alphaG, sub(mean(gS), mean(gOut))),
  };
}
