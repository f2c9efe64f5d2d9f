import { describe, expect, it } from 'vitest';
import { quarterCounts, quarterSizes } from '../../src/metrics/quarters.js';

describe('quarterSizes', () => {
  it.each([
    [0, [0, 0, 0, 0]],
    [1, [1, 0, 0, 0]],
    [2, [1, 0, 1, 0]],
    [3, [1, 1, 1, 0]],
    [4, [1, 1, 1, 1]],
    // GOV.UK Acme: 4,445 = 4 × 1,111 + 1; the spare person goes to the lower quarter.
    [4445, [1112, 1111, 1111, 1111]],
    [4446, [1112, 1111, 1112, 1111]],
    [4447, [1112, 1112, 1112, 1111]],
  ])('N = %i', (n, expected) => {
    expect(quarterSizes(n)).toEqual(expected);
    expect(quarterSizes(n).reduce((a, b) => a + b, 0)).toBe(n);
  });
});

/** Expand [pay, group, count] runs into the sorted arrays quarterCounts takes. */
function population(runs: [number, number, number][]) {
  const pay: number[] = [];
  const group: number[] = [];
  for (const [p, g, n] of runs) for (let i = 0; i < n; i++) (pay.push(p), group.push(g));
  return { pay, group };
}

describe('quarterCounts', () => {
  it('is all zeros for an empty population', () => {
    expect(quarterCounts([], [], ['Male', 'Female'])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('puts one person in the lower quarter', () => {
    expect(quarterCounts([10], [1], ['Male', 'Female'])).toEqual([[0, 1], [0, 0], [0, 0], [0, 0]]);
  });

  it('GOV.UK tie example: 36 women and 4 men on one rate, 10 seats lower and 30 lower middle', () => {
    // 160 people, quarters of 40. 30 below the tied rate, the 40 tied at positions 30–69,
    // then 10 men at £20 (rest of the lower middle), then 80 higher.
    const { pay, group } = population([
      [5, 0, 15],
      [6, 1, 15],
      [9, 1, 36],
      [9, 0, 4],
      [20, 0, 10],
      [30, 0, 40],
      [40, 1, 40],
    ]);
    const counts = quarterCounts(pay, group, ['Male', 'Female']);
    // lower: 15 + 15 below, then 9 women + 1 man from the tie.
    expect(counts[0]).toEqual([16, 24]);
    // lower middle: 27 women + 3 men from the tie, then the 10 men at £20.
    expect(counts[1]).toEqual([13, 27]);
    expect(counts[2]).toEqual([40, 0]);
    expect(counts[3]).toEqual([0, 40]);
  });

  it('shares a tie spanning three bands in proportion, every band full', () => {
    // 8 people, bands of 2; 6 tied (3 of each group) from position 1 to 6.
    const { pay, group } = population([
      [1, 0, 1],
      [2, 0, 3],
      [2, 1, 3],
      [3, 1, 1],
    ]);
    const counts = quarterCounts(pay, group, ['A', 'B']);
    expect(counts.map((band) => band[0] + band[1])).toEqual([2, 2, 2, 2]);
    expect(counts[0][0] + counts[1][0] + counts[2][0] + counts[3][0]).toBe(4);
    // lower: 1 A below + 1 seat from the tie of 3 A / 3 B (0.5 each: the leftover seat goes
    // by fraction, then larger remaining, then name: A).
    expect(counts[0]).toEqual([2, 0]);
  });

  it('hands leftover seats by largest fraction first', () => {
    // 12 people, bands of 3. Tie of 6 at positions 0–5: 5 of group 0, 1 of group 1.
    // Lower (3 seats): 5×3/6 = 2.5 → 2, 1×3/6 = 0.5 → 0; fractions equal (3 vs 3 of 6), larger remaining wins: group 0.
    const { pay, group } = population([
      [1, 0, 5],
      [1, 1, 1],
      [2, 1, 6],
    ]);
    const counts = quarterCounts(pay, group, ['A', 'B']);
    expect(counts[0]).toEqual([3, 0]);
    expect(counts[1]).toEqual([2, 1]);
  });

  it('does not depend on the order of tied people', () => {
    const names = ['A', 'B', 'C'];
    const base = population([
      [1, 0, 7],
      [1, 1, 5],
      [1, 2, 3],
      [2, 0, 2],
      [2, 2, 4],
      [3, 1, 9],
    ]);
    const expected = quarterCounts(base.pay, base.group, names);
    for (let seed = 1; seed <= 20; seed++) {
      // Shuffle group labels within each run of equal pay.
      const group = [...base.group];
      let start = 0;
      while (start < group.length) {
        let end = start;
        while (end < group.length && base.pay[end] === base.pay[start]) end++;
        for (let i = end - 1; i > start; i--) {
          const j = start + ((seed * 7919 + i * 104729) % (i - start + 1));
          [group[i], group[j]] = [group[j], group[i]];
        }
        start = end;
      }
      expect(quarterCounts(base.pay, group, names)).toEqual(expected);
    }
  });

  it('counts sum to the band sizes and each group total', () => {
    const { pay, group } = population([
      [1, 0, 13],
      [1, 1, 8],
      [2, 2, 5],
      [2, 0, 6],
      [4, 1, 11],
    ]);
    const counts = quarterCounts(pay, group, ['A', 'B', 'C']);
    expect(counts.map((band) => band.reduce((a, b) => a + b, 0))).toEqual(quarterSizes(pay.length));
    expect([0, 1, 2].map((g) => counts.reduce((sum, band) => sum + band[g], 0))).toEqual([19, 19, 5]);
  });
});
