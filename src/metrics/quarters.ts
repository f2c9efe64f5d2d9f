/**
 * Pay quarters (METHOD §7: sizes §7.2, ties §7.3; regulations Sch 1 para 13).
 *
 * The population, ranked by hourly pay lowest first, is cut into four bands of equal
 * headcount (not at statistical quartile values). With q = ⌊N/4⌋ and r = N mod 4:
 * lower = q + (r ≥ 1), lower middle = q + (r ≥ 3), upper middle = q + (r ≥ 2), upper = q,
 * which is the GOV.UK rule for spare people (one to the lower band, the second to the upper
 * middle, the third to the lower middle).
 *
 * People on the same hourly pay who straddle a boundary are shared between the bands in
 * the same mix as the tied people as a whole. Integer rule: for each band the tie spans,
 * lowest first, each group gets ⌊remaining_g × seats ÷ remaining_total⌋; leftover seats go
 * by largest fractional part, then larger remaining count, then group name. The counts
 * depend only on how many of each group share each rate, so row order cannot change them.
 *
 * @example 40 people on one rate (36 women, 4 men), 10 seats in the lower band and 30 in
 * the lower middle → lower 9 women + 1 man; lower middle 27 women + 3 men.
 */
export const BANDS = ['lower', 'lowerMiddle', 'upperMiddle', 'upper'] as const;
export type Band = (typeof BANDS)[number];

export function quarterSizes(n: number): [number, number, number, number] {
  const q = Math.floor(n / 4);
  const r = n % 4;
  return [q + (r >= 1 ? 1 : 0), q + (r >= 3 ? 1 : 0), q + (r >= 2 ? 1 : 0), q];
}

/**
 * Count each group's people in each band.
 *
 * @param pay hourly pay of the population, sorted lowest first (read-only)
 * @param group group index (0 … groupNames.length − 1) of each entry of `pay`
 * @param groupNames names, used only to break exact ties in the seat hand-out
 * @returns counts[band][group]
 */
export function quarterCounts(pay: ArrayLike<number>, group: ArrayLike<number>, groupNames: readonly string[]): number[][] {
  const n = pay.length;
  const k = groupNames.length;
  const sizes = quarterSizes(n);
  // Counts per band and group, flat (band × k + group) while counting, nested at the end.
  const flat = new Float64Array(4 * k);
  // Band b covers positions [starts[b], starts[b + 1]).
  const starts = [0, sizes[0], sizes[0] + sizes[1], sizes[0] + sizes[1] + sizes[2], n];
  const bandAt = (position: number): number => (position < starts[1] ? 0 : position < starts[2] ? 1 : position < starts[3] ? 2 : 3);

  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && pay[end] === pay[start]) end++;
    const firstBand = bandAt(start);
    const lastBand = bandAt(end - 1);
    if (firstBand === lastBand) {
      const base = firstBand * k;
      for (let i = start; i < end; i++) flat[base + group[i]]++;
    } else {
      const tied = new Array<number>(k).fill(0);
      for (let i = start; i < end; i++) tied[group[i]]++;
      shareTie(tied, start, end, firstBand, lastBand, starts, flat, groupNames);
    }
    start = end;
  }
  return BANDS.map((_, band) => Array.from(flat.subarray(band * k, band * k + k)));
}

function shareTie(
  remaining: number[],
  start: number,
  end: number,
  firstBand: number,
  lastBand: number,
  starts: readonly number[],
  flat: Float64Array,
  groupNames: readonly string[],
): void {
  const k = remaining.length;
  let remainingTotal = end - start;
  for (let band = firstBand; band <= lastBand; band++) {
    const seats = Math.min(end, starts[band + 1]) - Math.max(start, starts[band]);
    const given = remaining.map((r) => Math.floor((r * seats) / remainingTotal));
    let leftover = seats - given.reduce((a, b) => a + b, 0);
    if (leftover > 0) {
      // Exact integer fractional parts: (r × seats) mod total.
      const order = remaining
        .map((r, g) => ({ g, fraction: (r * seats) % remainingTotal, r }))
        .filter((e) => e.r > given[e.g])
        .sort((x, y) => y.fraction - x.fraction || y.r - x.r || compareNames(groupNames[x.g], groupNames[y.g]));
      for (const entry of order) {
        if (leftover === 0) break;
        given[entry.g]++;
        leftover--;
      }
    }
    for (let g = 0; g < remaining.length; g++) {
      flat[band * k + g] += given[g];
      remaining[g] -= given[g];
    }
    remainingTotal -= seats;
  }
}

const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
