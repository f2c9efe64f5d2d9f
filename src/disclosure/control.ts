import type { AtomTable, ReportShapes } from '../report/atoms.js';
import type { CharacteristicReport, DisclosureControl, GroupReport, IntersectionReport, Report, WithheldCell } from '../report/model.js';
import { AUDITED, BLOCK_OF, auditMeasure, cellsOf, policyFor, type Cell, type Leak } from './audit.js';
import { lineLayout, protectLines } from './complementary.js';
import { suppressSmallGroups } from './primary.js';
import { refKey, tableAt, tablesOf, withTable, type TableRef } from './tables.js';
import { isWithheld, withholdBlock, withoutGaps, type Block } from './withhold.js';

/**
 * Disclosure control (METHOD §8): the stage between building the report and rendering it,
 * which decides what may be published. The report comes in with every figure computed and
 * leaves with:
 * 1. small groups' figures suppressed (primary suppression, primary.ts);
 * 2. further cells withheld wherever published totals add up along a line with exactly one
 *    withheld cell (quarter sizes, breakdowns, intersections: complementary.ts);
 * 3. repeated until the audit (audit.ts) finds no withheld figure and no total of an atom of
 *    fewer than K people that can be worked out exactly from the published figures, each
 *    round withholding one cell used by each derivation found.
 * Reports whose audit would be too large fall back to a conservative rule instead (cells of
 * fewer than 2K people withheld, then step 2), and say so. The GOV.UK submission figures are
 * statutory and not changed (they are flagged instead: see govuk.ts).
 */
export function controlDisclosure(report: Report, shapes: ReportShapes, atoms: AtomTable): Report {
  const k = report.method.minGroupSize;
  if (k <= 0) return { ...report, disclosureControl: summary(report, 'off', atoms, 0) };
  const refs = tablesOf(report);
  const cells = cellsOf(atoms, shapes, refs, report);
  const rule = auditable(cells, atoms) ? 'audit' : 'conservative';
  let current = primary(report, rule === 'audit' ? k : 2 * k);
  let rounds = 0;
  const layout = lineLayout(current, shapes);
  for (;;) {
    const lined = protectLines(current, shapes, layout);
    current = lined.withheld.reduce((r, { ref, group, block }) => noteWithheld(r, ref, describe(r, ref, group, block)), lined.report);
    if (rule !== 'audit') break;
    rounds++;
    const leaks = AUDITED.flatMap((measure) => auditMeasure(current, atoms, cells, k, measure, policyFor(rounds)));
    if (leaks.length === 0) break;
    current = withholdComplements(current, leaks);
  }
  return { ...current, disclosureControl: summary(current, rule, atoms, rounds) };
}

/** Above this many atom memberships the exact audit is not run (METHOD §8.6). */
export const AUDIT_LIMIT = { atoms: 50_000, memberships: 3_000_000 } as const;

function auditable(cells: readonly Cell[], atoms: AtomTable): boolean {
  const memberships = cells.reduce((sum, c) => sum + c.atoms.length, 0);
  return atoms.relevant.length <= AUDIT_LIMIT.atoms && memberships <= AUDIT_LIMIT.memberships;
}

function primary(report: Report, k: number): Report {
  return {
    ...report,
    characteristics: report.characteristics.map((view) => suppressSmallGroups(view, k)),
    intersections: report.intersections.map((x) => ({ ...x, ...suppressSmallGroups(x, k) })),
    breakdowns: report.breakdowns.map((b) => ({
      ...b,
      subgroups: b.subgroups.map((sg) => ({ ...sg, characteristics: sg.characteristics.map((view) => suppressSmallGroups(view, k)) })),
    })),
  };
}

/** Withhold the complement of every leak (each cell once), keeping the lists of withheld cells. */
function withholdComplements(report: Report, leaks: readonly Leak[]): Report {
  const chosen = new Map<string, { ref: TableRef; group: number; block: Block }>();
  for (const leak of leaks) {
    const block = BLOCK_OF[leak.measure];
    for (const { ref, group } of leak.complement) chosen.set(`${refKey(ref)}:${group}:${block}`, { ref, group, block });
  }
  let out = report;
  for (const { ref, group, block } of chosen.values()) {
    const table = tableAt(out, ref);
    const before = table.groups[group] as GroupReport;
    let updated: CharacteristicReport = { ...table, groups: table.groups.map((g, i) => (i === group ? withholdBlock(g, block) : g)) };
    if (before.reference) updated = withoutGaps(updated, block);
    out = withTable(out, ref, updated);
    out = noteWithheld(out, ref, describe(out, ref, group, block));
  }
  return out;
}

function describe(report: Report, ref: TableRef, group: number, block: Block) {
  const table = tableAt(report, ref);
  return { characteristic: table.characteristic, view: table.view, group: table.groups[group]?.group ?? '', figures: block };
}

/** Add a cell withheld to protect others to its intersection's or breakdown's list. */
function noteWithheld(report: Report, ref: TableRef, cell: { characteristic: string; view: string; group: string; figures: Block }): Report {
  if (ref.kind === 'intersection') {
    return { ...report, intersections: report.intersections.map((x, i): IntersectionReport => (i === ref.index ? { ...x, withheld: [...x.withheld, cell] } : x)) };
  }
  if (ref.kind === 'breakdown') {
    return {
      ...report,
      breakdowns: report.breakdowns.map((b, i) =>
        i === ref.breakdown ? { ...b, withheld: [...b.withheld, { subgroup: b.subgroups[ref.subgroup]!.subgroup, ...cell }] } : b,
      ),
    };
  }
  return report;
}

function sectionOf(report: Report, ref: TableRef): { section: string; subgroup?: string } {
  if (ref.kind === 'headline') return { section: 'headline' };
  if (ref.kind === 'intersection') return { section: 'intersection' };
  const b = report.breakdowns[ref.breakdown]!;
  return { section: `within ${b.within}`, subgroup: b.subgroups[ref.subgroup]!.subgroup };
}

/** What was withheld: cells (a group's pay block or bonus block in one table) by reason. */
function summary(after: Report, rule: DisclosureControl['rule'], atoms: AtomTable, rounds: number): DisclosureControl {
  let smallGroup = 0;
  const protecting: WithheldCell[] = [];
  for (const ref of tablesOf(after)) {
    const table = tableAt(after, ref);
    table.groups.forEach((g) => {
      for (const block of ['pay', 'bonus'] as const) {
        if (!isWithheld(g, block)) continue;
        const keys = block === 'pay' ? (['meanHourlyPay'] as const) : (['bonus.recipients', 'bonus.mean'] as const);
        if (keys.some((key) => g.status[key]?.status === 'suppressed' && g.status[key]?.ofReference !== true)) smallGroup++;
        else protecting.push({ ...sectionOf(after, ref), characteristic: table.characteristic, view: table.view, group: g.group, figures: block });
      }
    });
  }
  return { rule, minGroupSize: after.method.minGroupSize, atoms: atoms.relevant.length, rounds, cellsWithheld: { smallGroup, protectingOthers: protecting.length }, protecting };
}
