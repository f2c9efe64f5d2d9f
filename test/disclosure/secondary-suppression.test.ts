import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { secondarySuppression } from '../../src/disclosure/secondary-suppression.js';

const cell = (headcount: number, withheld = false) => ({ headcount, withheld });

describe('secondarySuppression', () => {
  it('does nothing when no line has exactly one withheld cell', () => {
    expect(secondarySuppression([cell(3, true), cell(4, true), cell(50)], [[0, 1, 2]])).toEqual([]);
    expect(secondarySuppression([cell(30), cell(40)], [[0, 1]])).toEqual([]);
  });

  it('withholds the smallest shown cell of a line with one withheld cell', () => {
    expect(secondarySuppression([cell(3, true), cell(40), cell(25)], [[0, 1, 2]])).toEqual([2]);
  });

  it('never picks an empty cell, and an empty withheld cell reveals nothing', () => {
    expect(secondarySuppression([cell(3, true), cell(0), cell(25)], [[0, 1, 2]])).toEqual([2]);
    expect(secondarySuppression([cell(0, true), cell(12), cell(25)], [[0, 1, 2]])).toEqual([]);
  });

  it('follows the knock-on effects across crossing lines', () => {
    // 2 × 2 table, rows [0,1] and [2,3], columns [0,2] and [1,3]; cell 0 withheld.
    // Row 0 → withhold 1 (the only other); column 0 → withhold 2; then row 1 and column 1
    // each have one withheld cell → withhold 3.
    const added = secondarySuppression([cell(2, true), cell(30), cell(40), cell(50)], [[0, 1], [2, 3], [0, 2], [1, 3]]);
    expect(added.sort()).toEqual([1, 2, 3]);
  });

  it('leaves no line with exactly one withheld non-empty cell, where another could be withheld', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ headcount: fc.integer({ min: 0, max: 30 }), withheld: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), { maxLength: 6 }),
        (cells, rawLines) => {
          const lines = rawLines.map((l) => [...new Set(l.map((i) => i % cells.length))]);
          const added = new Set(secondarySuppression(cells, lines));
          const withheld = (i: number) => (cells[i]!.withheld && cells[i]!.headcount > 0) || added.has(i);
          for (const line of lines) {
            const w = line.filter(withheld);
            const available = line.filter((i) => !withheld(i) && cells[i]!.headcount > 0);
            if (w.length === 1) expect(available).toEqual([]);
          }
          for (const i of added) expect(cells[i]!.headcount).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
