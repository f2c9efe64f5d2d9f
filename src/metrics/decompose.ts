/**
 * The matching decomposition of a difference in means (Ñopo 2008; METHOD §17.2), on cells: how much of the
 * gap between a reference group's mean and a group's mean comes from where the two groups
 * are (their shares of the cells), how much from pay differences between people in the same
 * cell, and how much from cells where only one of the two groups is.
 *
 * Method. Each cell c has, for the reference group r and the group g, a count n and a total t
 * (mean m = t ÷ n). S is the common support: the cells where both groups have people. Shares
 * within S: ŝ_c = n_c ÷ n_S. With m̄_S the mean over S and m̄ the overall mean:
 *
 *   gap               Δ   = m̄_r − m̄_g
 *   composition       Δ_X = Σ_{c∈S} m_r,c (ŝ_r,c − ŝ_g,c)
 *   within cells      Δ_0 = Σ_{c∈S} ŝ_g,c (m_r,c − m_g,c)
 *   reference only    Δ_R = Σ_{c∉S, n_r,c>0} (n_r,c ÷ n_r)(m_r,c − m̄_r,S)
 *   group only        Δ_G = Σ_{c∉S, n_g,c>0} (n_g,c ÷ n_g)(m̄_g,S − m_g,c)
 *
 * and Δ = Δ_X + Δ_0 + Δ_R + Δ_G exactly (in exact arithmetic; in floating point to within
 * rounding far below a penny). A cell's composition contribution is written centred,
 * (m_r,c − m̄_r,S)(ŝ_r,c − ŝ_g,c), which sums to the same Δ_X (the share differences sum to 0)
 * and has the sign a reader expects: a group over-represented in a cell paid below average
 * adds to the gap. Relabelling or reordering the cells changes nothing.
 *
 * Empty input: null when either group has no one, or when no cell has both groups (with no
 * common support nothing can be compared within a cell).
 *
 * @example
 * // Band 5: r 10 people at £15, g 30 at £15; Band 7: r 30 at £25, g 10 at £24.
 * nopo([{ reference: { count: 10, total: 150 }, group: { count: 30, total: 450 } },
 *       { reference: { count: 30, total: 750 }, group: { count: 10, total: 240 } }])
 * // gap 22.5 − 17.25 = 5.25 = composition 5.00 + within cells 0.25
 */
export interface CellTotals {
  readonly reference: { readonly count: number; readonly total: number };
  readonly group: { readonly count: number; readonly total: number };
}

export interface NopoParts {
  readonly composition: number;
  readonly withinCell: number;
  readonly referenceOnlyCells: number;
  readonly groupOnlyCells: number;
}

export type Support = 'both' | 'reference only' | 'group only' | 'neither';

export interface Nopo {
  /** m̄_r − m̄_g. */
  readonly gap: number;
  readonly parts: NopoParts;
  /** Each cell's contribution to each part (0 for the parts it has no share in). */
  readonly cells: readonly (NopoParts & { readonly support: Support })[];
}

const supportOf = (c: CellTotals): Support =>
  c.reference.count > 0 ? (c.group.count > 0 ? 'both' : 'reference only') : c.group.count > 0 ? 'group only' : 'neither';

/** Count and total over the cells of one side, over all cells and over the common support. */
function sums(cells: readonly CellTotals[], side: 'reference' | 'group') {
  let count = 0;
  let total = 0;
  let supportCount = 0;
  let supportTotal = 0;
  for (const c of cells) {
    count += c[side].count;
    total += c[side].total;
    if (supportOf(c) === 'both') {
      supportCount += c[side].count;
      supportTotal += c[side].total;
    }
  }
  return { count, mean: total / count, supportCount, supportMean: supportTotal / supportCount };
}

/** The decomposition of m̄_r − m̄_g over these cells (see above); null when it cannot be formed. */
export function nopo(cells: readonly CellTotals[]): Nopo | null {
  const r = sums(cells, 'reference');
  const g = sums(cells, 'group');
  if (r.count === 0 || g.count === 0 || r.supportCount === 0) return null;
  const out = cells.map((c) => {
    const support = supportOf(c);
    const contribution = { composition: 0, withinCell: 0, referenceOnlyCells: 0, groupOnlyCells: 0, support };
    if (support === 'both') {
      const mr = c.reference.total / c.reference.count;
      const mg = c.group.total / c.group.count;
      const sr = c.reference.count / r.supportCount;
      const sg = c.group.count / g.supportCount;
      contribution.composition = (mr - r.supportMean) * (sr - sg);
      contribution.withinCell = sg * (mr - mg);
    } else if (support === 'reference only') {
      contribution.referenceOnlyCells = (c.reference.count / r.count) * (c.reference.total / c.reference.count - r.supportMean);
    } else if (support === 'group only') {
      contribution.groupOnlyCells = (c.group.count / g.count) * (g.supportMean - c.group.total / c.group.count);
    }
    return contribution;
  });
  const total = (key: keyof NopoParts) => out.reduce((sum, c) => sum + c[key], 0);
  return {
    gap: r.mean - g.mean,
    parts: { composition: total('composition'), withinCell: total('withinCell'), referenceOnlyCells: total('referenceOnlyCells'), groupOnlyCells: total('groupOnlyCells') },
    cells: out,
  };
}
