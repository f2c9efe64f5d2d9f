import type { CharacteristicReport, Report } from '../report/model.js';
import { PARTS, type Decomposition, type Parts } from '../report/decomposition.js';
import type { FigureState } from '../report/status.js';
import { MEASURES, stateOf, valueOf } from '../report/measures.js';
import { reasonText } from './reasons.js';
import { Lines } from './lines.js';

/**
 * `--format csv`: tidy long format, one row per section, subgroup, characteristic, view,
 * group and measure, for spreadsheets and BI tools. Columns and row order are stable.
 * Numbers are unrounded and plain (a negative gap stays a number); text cells that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) are
 * prefixed with an apostrophe, and so is text already starting with one (see safeText).
 */
export const CSV_COLUMNS = ['section', 'subgroup', 'characteristic', 'view', 'group', 'reference_group', 'measure', 'value', 'unit', 'population', 'status', 'reason', 'reason_code'];

/** A view's lines: the group's columns are escaped once, then a line per measure. */
function viewLines(section: string, subgroup: string, view: CharacteristicReport, lines: Lines): void {
  const where = [section, subgroup, view.characteristic, view.view].map(csvCell).join(',');
  const reference = csvCell(view.referenceGroup);
  for (const g of view.groups) {
    // Each line is joined from an array, not a template: a template makes a tree of string
    // pieces that joining the document walks again, line by line; 100,000 groups × 22 measures
    // took 3.9 s of CPU that way and 3.0 s joined.
    const head = [where, csvCell(g.group), reference].join(',');
    for (const m of MEASURES) {
      const value = valueOf(g, m);
      const state = value === null ? stateOf(g, m) : undefined;
      const status = value !== null ? 'shown' : (state?.status ?? 'not-applicable');
      const reason = state === undefined ? '' : reasonText(state);
      lines.push([head, m.id, csvCell(value), csvCell(m.unit), m.population, status, csvCell(reason), state?.reason.code ?? ''].join(','));
    }
  }
}

/**
 * --explain (METHOD §17): the section "explain <cells>" with, for each group, the mean gap and
 * its four parts over all cells (subgroup blank) and each cell's contribution (subgroup: the
 * cell), in points and in £ per hour; the withheld cells taken together in the section
 * "explain <cells>: withheld cells" (subgroup: their names joined by " + "); and a row saying
 * the median gap is not split.
 */
function explainLines(view: CharacteristicReport, d: Decomposition, lines: Lines): void {
  const section = `explain ${d.breakdown}`;
  const head = (sec: string, subgroup: string, group: string) => [sec, subgroup, view.characteristic, view.view, group, d.referenceGroup].map(csvCell).join(',');
  const missing = (s: FigureState | undefined) => `${s?.status ?? 'not-applicable'},${csvCell(s === undefined ? '' : reasonText(s))},${s?.reason.code ?? ''}`;
  const amounts = (where: string, id: string, a: { points: number; pounds: number } | null, state: FigureState | undefined) => {
    for (const [unit, value] of [['points', a?.points ?? null], ['GBP per hour', a?.pounds ?? null]] as const) {
      lines.push(`${where},${id},${csvCell(value)},${unit},full-pay,${value === null ? missing(state) : 'shown,,'}`);
    }
  };
  const parts = (where: string, p: Parts | null, state: FigureState | undefined) => {
    for (const part of PARTS) amounts(where, `mean_gap_${part.id}`, p === null ? null : p[part.key], state);
  };
  for (const g of d.groups) {
    const whole = head(section, '', g.group);
    amounts(whole, 'mean_gap', g.meanGap, g.state);
    parts(whole, g.parts, g.state);
    lines.push(`${whole},median_gap_parts,,,full-pay,${missing(d.median)}`);
    for (const c of g.cells) parts(head(section, c.cell, g.group), c.contribution, c.state);
    if (g.withheldCells !== null) parts(head(`${section}: withheld cells`, g.withheldCells.cells.join(' + '), g.group), g.withheldCells.contribution, undefined);
  }
}

/**
 * Text a spreadsheet could run as a formula is prefixed with an apostrophe (OWASP CSV
 * injection). Text that already starts with an apostrophe gets one more, so two different
 * values never look the same: "=1" is written '=1 and "'=1" is written ''=1 (take one
 * apostrophe off to get the value back).
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line per section, subgroup, view, group and measure: linear in the groups. */
export function renderCsv(report: Report): string {
  const lines = new Lines('\r\n');
  lines.push(CSV_COLUMNS.join(','));
  for (const view of report.characteristics) viewLines('headline', '', view, lines);
  for (const view of report.intersections) viewLines('intersection', '', view, lines);
  for (const b of report.breakdowns) {
    for (const sg of b.subgroups) for (const view of sg.characteristics) viewLines(`within ${b.within}`, sg.subgroup, view, lines);
  }
  for (const view of [...report.characteristics, ...report.intersections]) if (view.decomposition !== undefined) explainLines(view, view.decomposition, lines);
  return lines.text();
}

/** CSV rows with CRLF line ends, as the report's CSV (trend, benchmark and targets use it too). */
export const csvLines = (rows: readonly (readonly (string | number | null)[])[]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
