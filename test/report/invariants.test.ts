import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { reportJson } from '../helpers/run-cli.js';
import { Random } from '../../src/metrics/random.js';

/**
 * Invariants on the bundled sample: things that must hold whatever the data.
 * (The figures themselves are checked against worked examples and an independent
 * implementation elsewhere.)
 */
const sample = readFileSync(new URL('../../fixtures/esr-sample.csv', import.meta.url), 'utf8');
const [header, ...rows] = sample.trimEnd().split('\r\n');

function shuffled(lines: string[], seed: number): string[] {
  const random = new Random(seed);
  const out = [...lines];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const withoutInput = (report: { input: unknown }) => ({ ...report, input: null });
type Group = { group: string; headcount: number; relevantHeadcount: number; meanGapPercent: number | null; medianGapPercent: number | null; meanHourlyPay: number | null; bonus: { meanGapPercent: number | null }; quartiles: Record<string, { count: number | null }> };
type View = { characteristic: string; view: string; quartileSizes: Record<string, number>; groups: Group[]; disclosure: { disclosed: number; notDisclosed: number }; excluded: { relevant: number; fullPay: number }[] };

describe('invariants on the bundled sample', () => {
  it('row order does not change any figure (rows shuffled, including the two assignments of one person)', async () => {
    const original = await reportJson(['-', '--quiet'], { stdin: sample });
    for (const seed of [1, 2]) {
      const text = [header, ...shuffled(rows, seed)].join('\r\n') + '\r\n';
      expect(withoutInput(await reportJson(['-', '--quiet'], { stdin: text }))).toEqual(withoutInput(original));
    }
  });

  it.each([
    // Assignment rates are the file's 2-decimal rates, so ×10 is exact.
    ['assignment', 9],
    // A person's rate is an hours-weighted mean rounded to 4 places before ranking; ×10 moves
    // that rounding, so gaps agree to the rounding's size, not to the last digit.
    ['person', 3],
  ])('scaling every pay by 10 leaves gaps and quarters unchanged and scales means (--unit %s)', async (unit, digits) => {
    const columns = header.split(',');
    const scaleAt = ['Annual Salary', 'Hourly Rate', 'Ordinary Pay', 'Bonus Pay'].map((h) => columns.indexOf(h));
    const scaleCell = (cell: string) => {
      const n = Number(cell.replace(/[£",]/g, ''));
      return (n * 10).toFixed(2);
    };
    // The sample quotes "£29,970.00"-style cells; split on commas outside quotes.
    const split = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')).slice(0, columns.length);
    const scaled = rows.map((line) => split(line).map((cell, i) => (scaleAt.includes(i) ? scaleCell(cell) : cell)).join(','));
    const base = await reportJson(['-', '--quiet', '--unit', unit], { stdin: sample });
    const big = await reportJson(['-', '--quiet', '--unit', unit], { stdin: [header, ...scaled].join('\n') });
    base.characteristics.forEach((view: View, v: number) => {
      view.groups.forEach((g, i) => {
        const h = big.characteristics[v].groups[i] as Group;
        if (g.meanGapPercent === null) expect(h.meanGapPercent).toBeNull();
        else expect(h.meanGapPercent).toBeCloseTo(g.meanGapPercent, digits);
        if (g.medianGapPercent === null) expect(h.medianGapPercent).toBeNull();
        else expect(h.medianGapPercent).toBeCloseTo(g.medianGapPercent, digits);
        if (g.bonus.meanGapPercent !== null) expect(h.bonus.meanGapPercent).toBeCloseTo(g.bonus.meanGapPercent, digits);
        if (g.meanHourlyPay !== null) expect(h.meanHourlyPay).toBeCloseTo(g.meanHourlyPay * 10, 2);
        expect(h.quartiles).toEqual(g.quartiles);
      });
    });
  });

  it('group counts sum to the population and quarters to their sizes', async () => {
    const report = await reportJson(['-', '--quiet', '--min-group-size', '0'], { stdin: sample });
    const p = report.population;
    expect(p.rowsRead).toBe(p.rowsValid + p.rowsInvalid);
    expect(p.rowsRead).toBe(2000);
    for (const view of report.characteristics as View[]) {
      const outside = view.excluded.reduce((s, e) => s + e.fullPay, 0);
      const outsideRelevant = view.excluded.reduce((s, e) => s + e.relevant, 0);
      expect(view.groups.reduce((s, g) => s + g.headcount, 0) + outside).toBe(p.fullPayEmployees);
      expect(view.groups.reduce((s, g) => s + g.relevantHeadcount, 0) + outsideRelevant).toBe(p.relevantEmployees);
      expect(view.disclosure.disclosed + view.disclosure.notDisclosed).toBe(p.relevantEmployees);
      const sizes = Object.values(view.quartileSizes).reduce((a, b) => a + b, 0);
      expect(sizes).toBe(p.fullPayEmployees - outside);
      for (const band of ['lower', 'lowerMiddle', 'upperMiddle', 'upper']) {
        expect(view.groups.reduce((s, g) => s + (g.quartiles[band].count as number), 0)).toBe(view.quartileSizes[band]);
      }
      for (const g of view.groups) {
        expect(Object.values(g.quartiles).reduce((s, q) => s + (q.count as number), 0)).toBe(g.headcount);
      }
    }
    // Full-pay exclusions reconcile relevant and full-pay employees.
    const notFullPay = p.exclusions.filter((e: { stage: string }) => e.stage === 'not-full-pay').reduce((s: number, e: { count: number }) => s + e.count, 0);
    expect(p.relevantEmployees - notFullPay).toBe(p.fullPayEmployees);
  });

  it('swapping the sexes flips the sign of every sex gap', async () => {
    const swapped = sample.replace(/,(Male|Female),/g, (_, sex: string) => (sex === 'Male' ? ',Female,' : ',Male,'));
    const base = (await reportJson(['-', '--quiet'], { stdin: sample })).characteristics[0].groups[1];
    const flip = (await reportJson(['-', '--quiet'], { stdin: swapped })).characteristics[0].groups[1];
    expect(Math.sign(flip.meanGapPercent)).toBe(-Math.sign(base.meanGapPercent));
    expect(Math.sign(flip.bonus.meanGapPercent)).toBe(-Math.sign(base.bonus.meanGapPercent));
    // And the figures are each other's mirror: new gap = (F − M) / F.
    const baseMale = (await reportJson(['-', '--quiet'], { stdin: sample })).characteristics[0].groups[0];
    expect(flip.meanHourlyPay).toBeCloseTo(baseMale.meanHourlyPay, 10);
  });
});
