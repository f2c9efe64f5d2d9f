import { nopo, type CellTotals, type NopoParts } from '../metrics/decompose.js';
import type { Breakdown, CharacteristicReport, GroupReport, Report } from './model.js';
import { PARTS, type Amount, type CellContribution, type DecomposedGroup, type Decomposition, type Parts } from './decomposition.js';
import { ofReference, stateFor, type FigureState } from './status.js';

/**
 * --explain (METHOD §17): each mean hourly pay gap of every headline view and intersection,
 * split into composition, pay within cells and cells with only one of the two groups, over
 * the cells of the breakdown by the --explain columns.
 *
 * Privacy (METHOD §17.4): this runs after disclosure control and reads only what it lets the
 * report publish: the headline means and gaps (a group whose headline mean, or whose reference
 * group's, is not shown has no decomposition), each cell's headcounts (always published) and
 * its mean hourly pay where shown. A group's cells
 * whose mean is withheld, for either group, are taken together as one cell, "withheld cells",
 * whose totals are the headline totals less the shown cells' (mean × headcount): figures a
 * reader can work out from the report already. So the decomposition is a function of
 * published figures, and tells a reader nothing the report does not; its parts still add up
 * exactly to the gap. Contributions are given only for cells whose figures are shown.
 */
export function explainGaps(report: Report, explain: { readonly breakdown: number; readonly columns: readonly string[] } | undefined): Report {
  const breakdown = explain === undefined ? undefined : report.breakdowns[explain.breakdown];
  if (explain === undefined || breakdown === undefined) return report;
  const count = report.characteristics.length;
  const of = (view: CharacteristicReport, v: number) => decompose(view, breakdown, v, explain.columns);
  return {
    ...report,
    characteristics: report.characteristics.map((view, v) => withDecomposition(view, of(view, v))),
    intersections: report.intersections.map((x, i) => withDecomposition(x, of(x, count + i))),
  };
}

function withDecomposition<T extends CharacteristicReport>(view: T, decomposition: Decomposition | undefined): T {
  return decomposition === undefined ? view : { ...view, decomposition };
}

/** The decomposition of one view (v: its position among the breakdown's tables). */
function decompose(view: CharacteristicReport, breakdown: Breakdown, v: number, columns: readonly string[]): Decomposition | undefined {
  const ref = view.groups.findIndex((g) => g.reference);
  if (ref < 0) return undefined;
  const groups = view.groups.flatMap((g, i): DecomposedGroup[] => (g.reference || !g.comparable ? [] : [decomposeGroup(view, breakdown, v, ref, i)]));
  return { method: 'nopo-2008', columns, breakdown: breakdown.within, referenceGroup: view.referenceGroup, median: stateFor({ code: 'not-decomposable' }), groups };
}

interface Cell {
  readonly cell: string;
  readonly reference: GroupReport;
  readonly group: GroupReport;
}

/** A cell's figures for one group are published: its mean is shown, or it has no one. */
const published = (g: GroupReport): boolean => g.headcount === 0 || g.meanHourlyPay !== null;

const totals = (g: GroupReport) => ({ count: g.headcount, total: g.headcount === 0 ? 0 : g.headcount * (g.meanHourlyPay as number) });

/** The state of a withheld cell: the group's figure's, else the reference group's. */
const stateOf = (c: Cell): FigureState | undefined =>
  published(c.group) ? ofReference(c.reference.status.meanHourlyPay as FigureState) : c.group.status.meanHourlyPay;

function decomposeGroup(view: CharacteristicReport, breakdown: Breakdown, v: number, ref: number, i: number): DecomposedGroup {
  const reference = view.groups[ref] as GroupReport;
  const group = view.groups[i] as GroupReport;
  const none = { group: group.group, meanGap: null, parts: null, cells: [], withheldCells: null };
  // A headline mean (the group's or the reference's) that is not published takes the decomposition with it.
  if (group.meanGapPercent === null || group.meanPayDifference === null || group.meanHourlyPay === null || reference.meanHourlyPay === null) {
    return { ...none, state: group.status.meanGapPercent ?? group.status.meanHourlyPay ?? ofReference(reference.status.meanHourlyPay ?? stateFor({ code: 'empty-group', population: 'full-pay' })) };
  }
  const cells: Cell[] = breakdown.subgroups
    .map((sg) => {
      const table = sg.characteristics[v] as CharacteristicReport;
      return { cell: sg.subgroup, reference: table.groups[ref] as GroupReport, group: table.groups[i] as GroupReport };
    })
    .filter((c) => c.reference.headcount + c.group.headcount > 0);
  const shown = cells.filter((c) => published(c.reference) && published(c.group));
  const withheld = cells.filter((c) => !(published(c.reference) && published(c.group)));
  const input: CellTotals[] = shown.map((c) => ({ reference: totals(c.reference), group: totals(c.group) }));
  if (withheld.length > 0) input.push(lumped(reference, group, withheld, shown));
  const result = nopo(input);
  if (result === null) return { ...none, state: stateFor({ code: 'no-common-cell' }) };
  const referenceMean = reference.meanHourlyPay;
  const amount = (pounds: number): Amount => ({ pounds, points: (pounds / referenceMean) * 100 });
  const parts = (p: NopoParts): Parts => Object.fromEntries(PARTS.map(({ key }) => [key, amount(p[key])])) as unknown as Parts;
  const contribution = (c: Cell, k: number): CellContribution => ({
    cell: c.cell,
    referenceHeadcount: c.reference.headcount,
    groupHeadcount: c.group.headcount,
    support: result.cells[k]!.support,
    contribution: parts(result.cells[k]!),
  });
  const last = result.cells[shown.length];
  return {
    group: group.group,
    meanGap: { pounds: group.meanPayDifference, points: group.meanGapPercent },
    parts: parts(result.parts),
    cells: cells.map((c) => {
      const k = shown.indexOf(c);
      if (k >= 0) return contribution(c, k);
      return { cell: c.cell, referenceHeadcount: c.reference.headcount, groupHeadcount: c.group.headcount, support: supportOf(c), contribution: null, state: stateOf(c) };
    }),
    withheldCells:
      last === undefined
        ? null
        : {
            cells: withheld.map((c) => c.cell),
            referenceHeadcount: input[shown.length]!.reference.count,
            groupHeadcount: input[shown.length]!.group.count,
            support: last.support,
            contribution: parts(last),
          },
  };
}

const supportOf = (c: Cell): CellContribution['support'] =>
  c.reference.headcount > 0 ? (c.group.headcount > 0 ? 'both' : 'reference only') : c.group.headcount > 0 ? 'group only' : 'neither';

/**
 * The withheld cells as one: each group's headcount in them (published) and its total hourly
 * pay, the headline total (mean × headcount) less the shown cells' totals. With no one of a
 * group in them, its total is 0 exactly.
 */
function lumped(reference: GroupReport, group: GroupReport, withheld: readonly Cell[], shown: readonly Cell[]): CellTotals {
  const side = (headline: GroupReport, pick: (c: Cell) => GroupReport) => {
    const count = withheld.reduce((sum, c) => sum + pick(c).headcount, 0);
    if (count === 0) return { count, total: 0 };
    const known = shown.reduce((sum, c) => sum + totals(pick(c)).total, 0);
    return { count, total: headline.headcount * (headline.meanHourlyPay as number) - known };
  };
  return { reference: side(reference, (c) => c.reference), group: side(group, (c) => c.group) };
}
