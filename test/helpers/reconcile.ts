import { expect } from 'vitest';

type Exclusion = { reason: string; count: number; stage: string };

/**
 * The accounting every report must satisfy (METHOD §4.3–§4.4): rows read = valid + invalid; valid
 * rows are used or not used by reason; invalid rows are counted by reason; relevant minus
 * the full-pay exclusions is the full-pay population; every view's groups (and the units
 * outside it) add up to the populations, and its quarters to their sizes.
 */
export function expectReconciled(report: any): void {
  const p = report.population;
  const sum = (stage: string) => (p.exclusions as Exclusion[]).filter((e) => e.stage === stage).reduce((s, e) => s + e.count, 0);
  expect(p.rowsRead).toBe(p.rowsValid + p.rowsInvalid);
  expect(sum('invalid-row')).toBe(p.rowsInvalid);
  expect(p.assignmentsUsed + sum('row-not-used')).toBe(p.rowsValid);
  expect(p.relevantEmployees - sum('not-full-pay')).toBe(p.fullPayEmployees);
  for (const view of report.characteristics) {
    const outsideRelevant = view.excluded.reduce((s: number, e: { relevant: number }) => s + e.relevant, 0);
    const outsideFullPay = view.excluded.reduce((s: number, e: { fullPay: number }) => s + e.fullPay, 0);
    expect(view.groups.reduce((s: number, g: { relevantHeadcount: number }) => s + g.relevantHeadcount, 0) + outsideRelevant).toBe(p.relevantEmployees);
    expect(view.groups.reduce((s: number, g: { headcount: number }) => s + g.headcount, 0) + outsideFullPay).toBe(p.fullPayEmployees);
    const sizes = view.quartileSizes;
    expect(sizes.lower + sizes.lowerMiddle + sizes.upperMiddle + sizes.upper).toBe(p.fullPayEmployees - outsideFullPay);
    expect(view.disclosure.disclosed + view.disclosure.notDisclosed).toBe(p.relevantEmployees);
  }
}
