import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nopo, type CellTotals } from '../../src/metrics/decompose.js';

/** A cell from the people's counts and mean pay of each group. */
const cell = (refCount: number, refMean: number, groupCount: number, groupMean: number): CellTotals => ({
  reference: { count: refCount, total: refCount * refMean },
  group: { count: groupCount, total: groupCount * groupMean },
});

describe('nopo (the matching decomposition, METHOD §17)', () => {
  it('METHOD §17’s three bands, by hand', () => {
    // Band 3: men 10 at £12, women 30 at £12. Band 5: men 20 at £15, women 50 at £14.
    // Band 8a: men 20 at £30, women 20 at £28.
    const result = nopo([cell(10, 12, 30, 12), cell(20, 15, 50, 14), cell(20, 30, 20, 28)])!;
    // Men: (120 + 300 + 600) ÷ 50 = £20.40; women: (360 + 700 + 560) ÷ 100 = £16.20; gap £4.20.
    expect(result.gap).toBeCloseTo(4.2, 12);
    // Composition: 12 × (0.2 − 0.3) + 15 × (0.4 − 0.5) + 30 × (0.4 − 0.2) = −1.2 − 1.5 + 6 = £3.30.
    expect(result.parts.composition).toBeCloseTo(3.3, 12);
    // Within bands: 0.3 × 0 + 0.5 × 1 + 0.2 × 2 = £0.90.
    expect(result.parts.withinCell).toBeCloseTo(0.9, 12);
    expect(result.parts.referenceOnlyCells).toBe(0);
    expect(result.parts.groupOnlyCells).toBe(0);
    // Per band, centred on men's mean £20.40: Band 3 (12 − 20.4) × −0.1 = 0.84, Band 5 (15 − 20.4) × −0.1 = 0.54,
    // Band 8a (30 − 20.4) × 0.2 = 1.92: together £3.30.
    expect(result.cells.map((c) => c.composition)).toEqual([expect.closeTo(0.84, 12), expect.closeTo(0.54, 12), expect.closeTo(1.92, 12)]);
    expect(result.cells.map((c) => c.withinCell)).toEqual([0, expect.closeTo(0.5, 12), expect.closeTo(0.4, 12)]);
  });

  it('METHOD §17.7’s fourth cell: consultants, all men, are a part of their own and leave the others unchanged', () => {
    const result = nopo([cell(10, 12, 30, 12), cell(20, 15, 50, 14), cell(20, 30, 20, 28), cell(5, 50, 0, 0)])!;
    // Men (1,020 + 250) ÷ 55 = £23.09; women £16.20; gap £6.89.
    expect(result.gap).toBeCloseTo(1270 / 55 - 16.2, 12);
    expect(result.parts.composition).toBeCloseTo(3.3, 12);
    expect(result.parts.withinCell).toBeCloseTo(0.9, 12);
    // 5/55 × (50 − 20.40) = £2.69.
    expect(result.parts.referenceOnlyCells).toBeCloseTo((5 / 55) * (50 - 20.4), 12);
    expect(result.parts.groupOnlyCells).toBe(0);
  });

  it('a cell with only one of the groups: its part is reported apart, and the parts still add up', () => {
    // Band 5 both (men 10 at £15, women 30 at £15); Consultants only men (5 at £50); Band 2 only women (10 at £11).
    const result = nopo([cell(10, 15, 30, 15), cell(5, 50, 0, 0), cell(0, 0, 10, 11)])!;
    // Men (150 + 250) ÷ 15 = 26.6667; women (450 + 110) ÷ 40 = 14; gap 12.6667.
    expect(result.gap).toBeCloseTo(400 / 15 - 14, 12);
    // On the common support (Band 5) men and women are alike: no composition, no within-cell part.
    expect(result.parts.composition).toBeCloseTo(0, 12);
    expect(result.parts.withinCell).toBeCloseTo(0, 12);
    // Men outside it: 5/15 × (50 − 15) = 11.6667; women outside it: 10/40 × (15 − 11) = 1.
    expect(result.parts.referenceOnlyCells).toBeCloseTo((5 / 15) * 35, 12);
    expect(result.parts.groupOnlyCells).toBeCloseTo(1, 12);
    expect(result.cells.map((c) => c.support)).toEqual(['both', 'reference only', 'group only']);
    const sum = result.parts.composition + result.parts.withinCell + result.parts.referenceOnlyCells + result.parts.groupOnlyCells;
    expect(sum).toBeCloseTo(result.gap, 12);
  });

  it('a group identical to the reference: every part is 0', () => {
    const result = nopo([cell(10, 12, 20, 12), cell(30, 18.5, 60, 18.5), cell(5, 40, 10, 40)])!;
    expect(result.gap).toBeCloseTo(0, 12);
    for (const part of Object.values(result.parts)) expect(part).toBeCloseTo(0, 12);
  });

  it('the same shares but lower pay in each cell: all within cells, no composition', () => {
    const result = nopo([cell(10, 12, 20, 11), cell(30, 20, 60, 19)])!;
    expect(result.parts.composition).toBeCloseTo(0, 12);
    expect(result.parts.withinCell).toBeCloseTo(1, 12);
  });

  it('is null when a group is empty or no cell has both groups', () => {
    expect(nopo([])).toBeNull();
    expect(nopo([cell(10, 12, 0, 0)])).toBeNull();
    expect(nopo([cell(10, 12, 0, 0), cell(0, 0, 10, 11)])).toBeNull();
  });

  const cells = fc.array(
    fc.record({ refCount: fc.nat(40), refMean: fc.double({ min: 5, max: 120, noNaN: true }), groupCount: fc.nat(40), groupMean: fc.double({ min: 5, max: 120, noNaN: true }) }),
    { minLength: 1, maxLength: 12 },
  );

  it('property: the parts always add up to the gap, and so do the cells’ contributions to each part', () => {
    fc.assert(
      fc.property(cells, (list) => {
        const result = nopo(list.map((c) => cell(c.refCount, c.refMean, c.groupCount, c.groupMean)));
        if (result === null) return;
        const p = result.parts;
        expect(p.composition + p.withinCell + p.referenceOnlyCells + p.groupOnlyCells).toBeCloseTo(result.gap, 9);
        for (const key of ['composition', 'withinCell', 'referenceOnlyCells', 'groupOnlyCells'] as const) {
          expect(result.cells.reduce((s, c) => s + c[key], 0)).toBeCloseTo(p[key], 9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: relabelling (reordering) the cells changes nothing', () => {
    fc.assert(
      fc.property(cells, fc.infiniteStream(fc.nat()), (list, random) => {
        const totals = list.map((c) => cell(c.refCount, c.refMean, c.groupCount, c.groupMean));
        const order = totals.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
          const j = (random.next().value as number) % (i + 1);
          [order[i], order[j]] = [order[j] as number, order[i] as number];
        }
        const a = nopo(totals);
        const b = nopo(order.map((i) => totals[i] as CellTotals));
        if (a === null || b === null) {
          expect(a).toBe(b);
          return;
        }
        for (const key of ['composition', 'withinCell', 'referenceOnlyCells', 'groupOnlyCells'] as const) expect(b.parts[key]).toBeCloseTo(a.parts[key], 9);
        // Each cell keeps its own contribution wherever it is listed.
        order.forEach((i, k) => expect(b.cells[k]!.composition).toBeCloseTo(a.cells[i]!.composition, 9));
      }),
      { numRuns: 300 },
    );
  });
});
