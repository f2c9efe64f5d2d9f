import type { ReportShapes, TableShape } from '../report/atoms.js';
import type { CharacteristicReport, GroupReport, Report } from '../report/model.js';
import { lossOf } from './cost.js';
import { secondarySuppression, type SuppressionCell } from './secondary-suppression.js';
import { refKey, shapeAt, tableAt, tablesOf, withTable, type TableRef } from './tables.js';
import { isWithheld, withholdBlock, withoutGaps, type Block } from './withhold.js';

/**
 * Complementary suppression along lines (METHOD §8.3): sets of cells whose total the report
 * publishes. Where exactly one cell of a line is withheld, it could be worked out by
 * subtraction, so the cheapest other cell with people is withheld too (secondary-suppression.ts),
 * until no line has a single withheld cell. The lines are the usual shapes of these tables,
 * so this settles most cases at once; the audit (audit.ts) then catches the rest.
 *
 * A line counts while its total is published. The lines:
 * - every group of a table: its quarter counts add up to the published quarter sizes (pay);
 * - groups of a finer view inside one group of a coarser view of the same characteristic in
 *   the same table family (detailed ethnic groups inside a broad group);
 * - an intersection's rows and columns: they add up to the two crossed views' groups;
 * - one group's cells across a breakdown's subgroups: they add up to the headline group.
 */
interface Line {
  readonly cells: readonly number[];
  /** The published total the line adds up to (undefined: always published, e.g. quarter sizes). */
  readonly total?: number | undefined;
  readonly blocks: readonly Block[];
}

interface CellRef {
  readonly ref: TableRef;
  readonly group: number;
}

/** A key for a table's "family": the headline, or one breakdown subgroup. */
const familyOf = (ref: TableRef) => (ref.kind === 'breakdown' ? `b${ref.breakdown}/${ref.subgroup}` : 'headline');

/** For a fine view and a coarse one on the same column: each fine group's coarse group, if the fine view refines the coarse one. */
function refinement(fine: TableShape, coarse: TableShape): number[] | undefined {
  if (fine.column !== coarse.column || fine === coarse) return undefined;
  const into: number[] = [];
  for (let code = 0; code < fine.groupOfCode.length; code++) {
    const f = fine.groupOfCode[code] as number;
    const w = coarse.groupOfCode[code] ?? -1;
    if (f < 0) continue;
    if (w < 0 || (into[f] !== undefined && into[f] !== w)) return undefined;
    into[f] = w;
  }
  return into;
}

function linesOf(report: Report, shapes: ReportShapes, refs: readonly TableRef[], index: (ref: TableRef, group: number) => number): Line[] {
  const lines: Line[] = [];
  const groupsOf = (ref: TableRef) => tableAt(report, ref).groups.map((_, g) => g);
  for (const ref of refs) lines.push({ cells: groupsOf(ref).map((g) => index(ref, g)), blocks: ['pay'] });
  const families = new Map<string, TableRef[]>();
  for (const ref of refs) families.set(familyOf(ref), [...(families.get(familyOf(ref)) ?? []), ref]);
  for (const family of families.values()) {
    for (const fine of family) {
      for (const coarse of family) {
        const into = refinement(shapeAt(shapes, fine), shapeAt(shapes, coarse));
        if (into === undefined) continue;
        groupsOf(coarse).forEach((w) => {
          const inside = into.map((to, f) => (to === w ? f : -1)).filter((f) => f >= 0);
          if (inside.length > 1) lines.push({ cells: inside.map((f) => index(fine, f)), total: index(coarse, w), blocks: ['pay', 'bonus'] });
        });
      }
    }
  }
  // Appended one by one: a view of 100,000 groups gives more lines than a spread into one call can take.
  for (const line of intersectionLines(report, refs, index)) lines.push(line);
  for (const line of breakdownLines(report, refs, index)) lines.push(line);
  return lines;
}

/** Rows and columns of every intersection, in the headline and in each breakdown subgroup. */
function intersectionLines(report: Report, refs: readonly TableRef[], index: (ref: TableRef, group: number) => number): Line[] {
  const lines: Line[] = [];
  const key = (v: { characteristic: string; view: string }) => `${v.characteristic}/${v.view}`;
  for (const ref of refs) {
    const x = ref.kind === 'intersection' ? report.intersections[ref.index] : undefined;
    const at = ref.kind === 'breakdown' ? tableAt(report, ref) : undefined;
    const crossing = x ?? report.intersections.find((i) => at !== undefined && key(i) === key(at));
    if (crossing === undefined) continue;
    const family = refs.filter((r) => familyOf(r) === familyOf(ref));
    const viewRef = (name: string) => family.find((r) => key(tableAt(report, r)) === name);
    const [a, b] = [viewRef(crossing.axes[0]), viewRef(crossing.axes[1])];
    crossing.positions.forEach((row, i) => {
      lines.push({ cells: row.map((g) => index(ref, g)), total: a === undefined ? undefined : index(a, i), blocks: ['pay', 'bonus'] });
    });
    (crossing.positions[0] ?? []).forEach((_, j) => {
      lines.push({ cells: crossing.positions.map((row) => index(ref, row[j] as number)), total: b === undefined ? undefined : index(b, j), blocks: ['pay', 'bonus'] });
    });
  }
  return lines;
}

/** One group's cells across a breakdown's subgroups add up to the headline group. */
function breakdownLines(report: Report, refs: readonly TableRef[], index: (ref: TableRef, group: number) => number): Line[] {
  const key = (v: { characteristic: string; view: string }) => `${v.characteristic}/${v.view}`;
  const headline = refs.filter((r) => r.kind !== 'breakdown');
  const lines: Line[] = [];
  report.breakdowns.forEach((b, breakdown) => {
    (b.subgroups[0]?.characteristics ?? []).forEach((view, v) => {
      const total = headline.find((r) => key(tableAt(report, r)) === key(view));
      view.groups.forEach((_, g) => {
        const cells = b.subgroups.map((__, subgroup) => index({ kind: 'breakdown', breakdown, subgroup, view: v }, g));
        lines.push({ cells, total: total === undefined ? undefined : index(total, g), blocks: ['pay', 'bonus'] });
      });
    });
  });
  return lines;
}

const published = (g: GroupReport, block: Block): boolean => (block === 'pay' ? g.meanHourlyPay !== null : g.bonus.recipients !== null);

/**
 * The report's cells and lines, which depend only on its tables and groups, not on what is
 * withheld: worked out once per report (controlDisclosure reuses them every audit round).
 */
export interface LineLayout {
  readonly cells: readonly CellRef[];
  readonly lines: readonly Line[];
}

export function lineLayout(report: Report, shapes: ReportShapes): LineLayout {
  const refs = tablesOf(report);
  const cells: CellRef[] = [];
  const start = new Map<string, number>();
  for (const ref of refs) {
    start.set(refKey(ref), cells.length);
    tableAt(report, ref).groups.forEach((_, group) => cells.push({ ref, group }));
  }
  const index = (ref: TableRef, group: number) => (start.get(refKey(ref)) as number) + group;
  return { cells, lines: linesOf(report, shapes, refs, index) };
}

function suppressionCell(g: GroupReport, block: Block): SuppressionCell {
  const people = block === 'pay' ? g.headcount : g.relevantHeadcount;
  return { headcount: people, withheld: isWithheld(g, block), cost: lossOf(g, people, false) };
}

/** The report with one cell's block withheld (and the view's gaps, for its reference group). */
function withheldAt(report: Report, { ref, group }: CellRef, block: Block): Report {
  const table = tableAt(report, ref);
  const before = table.groups[group] as GroupReport;
  let updated: CharacteristicReport = { ...table, groups: table.groups.map((g, k) => (k === group ? withholdBlock(g, block) : g)) };
  if (before.reference) updated = withoutGaps(updated, block);
  return withTable(report, ref, updated);
}

/**
 * Withhold cells along the lines until no line whose total is published has exactly one
 * withheld cell with people. Returns the report and the cells withheld here.
 */
export function protectLines(report: Report, shapes: ReportShapes, layout: LineLayout = lineLayout(report, shapes)): { report: Report; withheld: (CellRef & { block: Block })[] } {
  const { cells, lines } = layout;
  let out = report;
  const withheld: (CellRef & { block: Block })[] = [];
  for (const block of ['pay', 'bonus'] as const) {
    const groupAt = (i: number) => tableAt(out, cells[i]!.ref).groups[cells[i]!.group] as GroupReport;
    // Withholding a block changes only that cell's state (a reference group's withheld gaps
    // are not what isWithheld reads), so only the cells just withheld are looked at again.
    const state: SuppressionCell[] = cells.map((_, i) => suppressionCell(groupAt(i), block));
    for (;;) {
      const active = lines.filter((l) => l.blocks.includes(block) && (l.total === undefined || published(groupAt(l.total), block))).map((l) => l.cells);
      const added = secondarySuppression(state, active);
      if (added.length === 0) break;
      for (const i of added) {
        out = withheldAt(out, cells[i]!, block);
        withheld.push({ ...cells[i]!, block });
      }
      for (const i of added) state[i] = suppressionCell(groupAt(i), block);
    }
  }
  return { report: out, withheld };
}
